// `portfund check FILE… [--json]` as other tools call it: SPEC §9's JSON shape exactly, the exit codes and the human lines.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CURRENT_VERSION } from '@portfund/shared-rules';
import { WORKBOOK_FIXTURES, type WorkbookFixture } from './fixtures/workbook-fixtures';
import { runPortfund } from './helpers/cli';
import { makeTempDir, removeDir } from './helpers/temp-dir';
import { writeFixture } from './helpers/workbooks';
import { javascriptPdf, validPdf } from '../ingest-server/src/attachments/testing/pdfs';

const FINDING_KEYS = ['code', 'severity', 'sheet', 'cell', 'row', 'field', 'message', 'expected', 'actual', 'help'];

const fixture = (name: string): WorkbookFixture => {
  const found = WORKBOOK_FIXTURES.find((f) => f.name === name);
  if (found === undefined) throw new Error(`no fixture ${name}`);
  return found;
};

/** Asserts SPEC §9's shape key by key and type by type; returns the files for further checks. */
const expectCheckJson = (stdout: string): { file: string; kind: string | null; findings: Record<string, unknown>[]; summary: { errors: number; warnings: number } }[] => {
  const json: unknown = JSON.parse(stdout);
  expect(Object.keys(json as object)).toEqual(['files']);
  const files = (json as { files: unknown }).files;
  expect(Array.isArray(files)).toBe(true);
  for (const file of files as Record<string, unknown>[]) {
    expect(Object.keys(file).sort()).toEqual(['file', 'findings', 'kind', 'summary', 'templateVersion']);
    expect(typeof file.file).toBe('string');
    expect(file.kind === null || file.kind === 'application' || file.kind === 'cashbook').toBe(true);
    expect(file.templateVersion === null || typeof file.templateVersion === 'string').toBe(true);
    expect(Object.keys(file.summary as object).sort()).toEqual(['errors', 'warnings']);
    const findings = file.findings as Record<string, unknown>[];
    expect(Array.isArray(findings)).toBe(true);
    for (const f of findings) {
      expect(Object.keys(f).filter((k) => !FINDING_KEYS.includes(k))).toEqual([]);
      expect(typeof f.code).toBe('string');
      expect(['error', 'warning']).toContain(f.severity);
      expect(typeof f.message).toBe('string');
      for (const k of ['sheet', 'cell', 'field', 'expected', 'actual', 'help']) if (k in f) expect(typeof f[k]).toBe('string');
      if ('row' in f) expect(typeof f.row).toBe('number');
    }
    const summary = file.summary as { errors: unknown; warnings: unknown };
    expect(summary).toEqual({
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
    });
  }
  return files as ReturnType<typeof expectCheckJson>;
};

describe('portfund check', () => {
  let dir: string | undefined;
  let clean = '';
  let faulty = '';
  let empty = '';
  let warning = '';
  let meeting = '';
  let method = '';
  let hostile = '';

  beforeAll(async () => {
    dir = await makeTempDir('cli-check');
    clean = await writeFixture(fixture('application: the seed example'), dir, 'clean');
    faulty = await writeFixture(fixture('a transfer to 定期存款 that overdraws 零用金'), dir, 'faulty');
    warning = await writeFixture(fixture('a 傳票序號 used twice'), dir, 'warning');
    empty = join(dir, 'empty.xlsx');
    await writeFile(empty, Buffer.alloc(0));
    // the application's two PDFs (seed 004 §1.2(二)3), and one with JavaScript
    meeting = join(dir, '115_04595257_metting.pdf');
    method = join(dir, '115_04595257_method.pdf');
    hostile = join(dir, '115_04595257_meeting.pdf');
    await writeFile(meeting, await validPdf(2));
    await writeFile(method, await validPdf(1));
    await writeFile(hostile, await javascriptPdf());
  });
  afterAll(() => removeDir(dir));

  // what each command loads decides its start-up: help and a cash book's check need no database layer, no exceljs, no
  // PDF parser, no phone metadata and no pure SHA-256 (node's is used); an application's phone numbers load the metadata
  describe('loads only what the command needs', () => {
    const loadedBy = async (args: readonly string[]): Promise<{ packages: string[]; code: number }> => {
      const out = join(dir ?? '', `loaded-${args[0] ?? ''}-${Math.random().toString(36).slice(2)}.json`);
      const preload = join(__dirname, 'helpers', 'loaded-packages.cjs');
      const { code } = await runPortfund(args, { NODE_OPTIONS: `--require ${preload}`, PORTFUND_LOADED_PACKAGES: out });
      return { packages: JSON.parse(await readFile(out, 'utf8')) as string[], code };
    };
    const HEAVY = ['objection', 'knex', 'pg', 'exceljs', 'pdf-lib', 'libphonenumber-js', '@noble/hashes', '@zxcvbn-ts/core'];

    it('help loads none of the heavy packages', async () => {
      const { packages, code } = await loadedBy(['help']);
      expect(code).toBe(0);
      expect(packages.filter((p) => HEAVY.includes(p))).toEqual([]);
    });

    it('checking a cash book loads none of them either', async () => {
      const { packages, code } = await loadedBy(['check', faulty, '--json']);
      expect(code).toBe(1);
      expect(packages.filter((p) => HEAVY.includes(p))).toEqual([]);
      expect(packages).toEqual(expect.arrayContaining(['decimal.js', 'yauzl']));
    });

    it('checking an application loads the phone metadata, when its numbers are read', async () => {
      const { packages } = await loadedBy(['check', clean, meeting, method, '--json']);
      expect(packages).toContain('libphonenumber-js');
      expect(packages.filter((p) => ['objection', 'knex', 'exceljs', '@noble/hashes'].includes(p))).toEqual([]);
    });
  });

  it('exits 0 on the clean example with its two PDFs, with the JSON of SPEC §9', async () => {
    const { code, stdout, stderr } = await runPortfund(['check', clean, meeting, method, '--json']);
    expect(stderr).toBe('');
    const files = expectCheckJson(stdout);
    const pdf = (file: string) => ({ file, kind: null, templateVersion: null, findings: [], summary: { errors: 0, warnings: 0 } });
    expect(files).toEqual([
      { file: '115_04595257_application.xlsx', kind: 'application', templateVersion: CURRENT_VERSION, findings: [], summary: { errors: 0, warnings: 0 } },
      pdf('115_04595257_metting.pdf'),
      pdf('115_04595257_method.pdf'),
    ]);
    expect(code).toBe(0);
  });

  it('reports file.attachment_missing for an application checked without its PDFs, and refuses a hostile PDF (exit 2)', async () => {
    const alone = await runPortfund(['check', clean, method, '--json']);
    const files = expectCheckJson(alone.stdout);
    expect(files[0]?.findings.map((f) => [f.code, f.expected])).toEqual([['file.attachment_missing', '115_04595257_metting.pdf']]);
    expect(alone.code).toBe(1);
    const refused = await runPortfund(['check', clean, hostile, method]);
    expect(refused.stdout).toContain('file.attachment_refused 附件「115_04595257_meeting.pdf」不予接受：這個 PDF 含有 JavaScript');
    expect(refused.stdout).toContain('file.attachment_missing');
    expect(refused.code).toBe(2);
  });

  it('exits 1 when one of two files has errors, reporting each file in order', async () => {
    const { code, stdout } = await runPortfund(['check', clean, faulty, meeting, method, '--json']);
    const files = expectCheckJson(stdout).filter((f) => f.kind !== null);
    expect(files.map((f) => [f.file, f.kind, f.summary])).toEqual([
      ['115_04595257_application.xlsx', 'application', { errors: 0, warnings: 0 }],
      ['11512_04595257_accounting.xlsx', 'cashbook', { errors: 2, warnings: 0 }],
    ]);
    expect(files[1]?.findings.map((f) => [f.code, f.sheet, f.cell])).toEqual([
      ['ledger.account_not_allowed', '現金收支登記簿', 'K27'],
      ['ledger.negative_balance', '現金收支登記簿', 'P27'],
    ]);
    expect(code).toBe(1);
  });

  it('exits 2 when a file among them cannot be read, still reporting the others', async () => {
    const { code, stdout } = await runPortfund(['check', clean, faulty, empty, meeting, method, '--json']);
    const files = expectCheckJson(stdout);
    expect(files.map((f) => [f.file, f.kind, f.summary.errors])).toEqual([
      ['115_04595257_application.xlsx', 'application', 0],
      ['11512_04595257_accounting.xlsx', 'cashbook', 2],
      ['empty.xlsx', null, 1],
      ['115_04595257_metting.pdf', null, 0],
      ['115_04595257_method.pdf', null, 0],
    ]);
    expect(files[2]?.findings.map((f) => f.code)).toEqual(['file.unreadable']);
    expect(code).toBe(2);
  });

  it('prints one line "sheet!cell code message" per finding (a warning marked as such)', async () => {
    const json = expectCheckJson((await runPortfund(['check', faulty, warning, '--json'])).stdout);
    const { code, stdout } = await runPortfund(['check', faulty, warning]);
    const lines = stdout.split('\n').map((l) => l.trim());
    const findings = json.flatMap((f) => f.findings);
    expect(findings.map((f) => f.severity)).toEqual(['error', 'error', 'warning']);
    for (const f of findings) {
      const marker = f.severity === 'warning' ? '[警告] ' : '';
      expect(lines).toContain(`${String(f.sheet)}!${String(f.cell)} ${String(f.code)} ${marker}${String(f.message)}`);
    }
    expect(code).toBe(1);
  });
});
