// Issue 14: the allow-list gate and the definition's bounds refuse only what no workbook of ours holds. The seed's worked
// examples, filled into the oldest and the current template, re-saved by exceljs and by LibreOffice (one start for all),
// pass the gate and the reader and check without errors, their parts all on the allow-list.
import ExcelJS from 'exceljs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CURRENT_VERSION, TEMPLATE_VERSIONS, type WorkbookKind } from '@portfund/shared-rules';
import { type FillValues } from '@portfund/templates';
import { APPLICATION_EXAMPLE, CASHBOOK_ENTRIES, CASHBOOK_EXAMPLE, EXAMPLE_UBN } from '../shared-rules/src/testing/seed-examples';
import { checkFileBytes } from '../ingest-server/src/workbook/check/check-file';
import { partNotAllowed } from '../ingest-server/src/workbook/gate/allow-list';
import { readZipParts } from '../ingest-server/src/workbook/testing/hostile-files';
import { convertWithLibreOffice, LIBREOFFICE_TIMEOUT_MS } from './helpers/libreoffice';
import { cachedTemplate } from './support/cached-template';
import { makeTempDir, removeDir } from './helpers/temp-dir';

const FILL: Readonly<Record<WorkbookKind, FillValues>> = {
  application: APPLICATION_EXAMPLE as FillValues,
  cashbook: { ...(CASHBOOK_EXAMPLE as FillValues), cb_entries: CASHBOOK_ENTRIES.map((e) => [...e]) },
};
const FILE: Readonly<Record<WorkbookKind, string>> = { application: `115_${EXAMPLE_UBN}_application.xlsx`, cashbook: `11512_${EXAMPLE_UBN}_accounting.xlsx` };
const VERSIONS = [TEMPLATE_VERSIONS[0]?.version ?? '1.0', CURRENT_VERSION];

interface Saved {
  readonly label: string;
  readonly kind: WorkbookKind;
  readonly bytes: Buffer;
}

const viaExcelJS = async (bytes: Buffer): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return Buffer.from(await wb.xlsx.writeBuffer());
};

describe('re-saves of our templates pass the allow-list and the bounds', () => {
  let dir: string | undefined;
  const saved: Saved[] = [];

  beforeAll(async () => {
    dir = await makeTempDir('resaves');
    const originals: (Saved & { path: string })[] = [];
    for (const version of VERSIONS) {
      for (const kind of ['application', 'cashbook'] as const) {
        // the blank of each kind and version is the run's (cached-template.ts), made through exceljs once for every file
        const bytes = await cachedTemplate(kind, { year: 115, ubn: EXAMPLE_UBN, version, fill: FILL[kind] });
        const path = join(dir, `${kind}-${version}.xlsx`);
        await writeFile(path, bytes);
        originals.push({ label: `${kind} ${version}`, kind, bytes, path });
        saved.push({ label: `${kind} ${version} generated`, kind, bytes }, { label: `${kind} ${version} exceljs`, kind, bytes: await viaExcelJS(bytes) });
      }
    }
    const resaved = await convertWithLibreOffice(
      originals.map((o) => o.path),
      'xlsx',
      join(dir, 'lo'),
    );
    for (const [i, path] of resaved.entries()) {
      const original = originals[i];
      if (original !== undefined) saved.push({ label: `${original.label} LibreOffice`, kind: original.kind, bytes: await readFile(path) });
    }
  }, LIBREOFFICE_TIMEOUT_MS);
  afterAll(() => removeDir(dir));

  it('made every re-save', () => expect(saved).toHaveLength(VERSIONS.length * 2 * 3));

  it('each is read and checked without an error', async () => {
    const outcomes: string[] = [];
    for (const s of saved) {
      const check = await checkFileBytes(s.bytes, FILE[s.kind]);
      const errors = check.findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.message}`);
      outcomes.push(`${s.label}: ${check.readable ? 'readable' : 'unreadable'} ${check.kind ?? '-'} ${errors.join(' | ')}`.trim());
    }
    expect(outcomes).toEqual(saved.map((s) => `${s.label}: readable ${s.kind}`));
  }, 120_000);

  it('holds only parts on the allow-list', () => {
    const foreign = saved.flatMap((s) => readZipParts(s.bytes).filter((p) => partNotAllowed(p.name) !== null).map((p) => `${s.label}: ${p.name}`));
    expect(foreign).toEqual([]);
  });
});
