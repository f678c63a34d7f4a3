// Hostile and wrong-format uploads through the real CLI: each is file.unreadable with a zh-TW reason, exit 2, no crash.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cachedTemplate } from './support/cached-template';
import {
  emptyFile,
  encryptedWorkbook,
  legacyXls,
  lyingZipBomb,
  textFileNamedXlsx,
  truncatedZip,
  withExternalLink,
  withJunkInstructions,
  withManyCells,
  withNulCharRef,
  xlsmWithMacros,
  zipBomb,
} from '../ingest-server/src/workbook/testing/hostile-files';
import { runPortfund } from './helpers/cli';
import { makeTempDir, removeDir } from './helpers/temp-dir';

const HOSTILE: readonly (readonly [fileName: string, make: (valid: Buffer) => Buffer])[] = [
  ['renamed-xls.xlsx', () => legacyXls()],
  ['truncated.xlsx', (valid) => truncatedZip(valid)],
  ['zip-bomb.xlsx', () => zipBomb()],
  ['lying-zip-bomb.xlsx', () => lyingZipBomb()],
  ['encrypted.xlsx', () => encryptedWorkbook()],
  ['macros.xlsm', (valid) => xlsmWithMacros(valid)],
  ['external-link.xlsx', (valid) => withExternalLink(valid)],
  ['empty.xlsx', () => emptyFile()],
  ['text.xlsx', () => textFileNamedXlsx()],
  // valid zips the gate lets through, but far beyond a template (the audit's crafted uploads)
  ['junk-instructions.xlsx', (valid) => withJunkInstructions(valid)],
  ['million-cells.xlsx', (valid) => withManyCells(valid)],
  ['nul-in-shared-string.xlsx', (valid) => withNulCharRef(valid)],
];

/** What each refusal must say besides being zh-TW (the part or the limit concerned). */
const SAYS: Readonly<Record<string, RegExp>> = {
  'junk-instructions.xlsx': /填表說明.*1 MB/,
  'million-cells.xlsx': /儲存格超過 1,000,000 個/,
  'nul-in-shared-string.xlsx': /XML 格式錯誤/,
};

const CJK = /[\u4e00-\u9fff]/;
const STACK_LINE = /^\s+at .+/m;

describe('portfund check on hostile files', () => {
  let dir: string | undefined;

  beforeAll(async () => {
    dir = await makeTempDir('hostile');
    const valid = await cachedTemplate('application', { year: 115, ubn: '04595257' });
    for (const [fileName, make] of HOSTILE) await writeFile(join(dir, fileName), make(valid));
  });
  afterAll(() => removeDir(dir));

  it.each(HOSTILE.map(([fileName]) => fileName))('%s: file.unreadable with a zh-TW reason, exit 2', async (fileName) => {
    const { code, stdout, stderr } = await runPortfund(['check', join(dir ?? '', fileName), '--json']);
    expect(stderr).not.toMatch(STACK_LINE);
    expect(stderr).toBe('');
    const { files } = JSON.parse(stdout) as { files: { file: string; kind: unknown; findings: { code: string; severity: string; message: string }[] }[] };
    expect(files).toHaveLength(1);
    expect(files[0]?.file).toBe(fileName);
    expect(files[0]?.kind).toBeNull();
    expect(files[0]?.findings.map((f) => [f.code, f.severity])).toEqual([['file.unreadable', 'error']]);
    const reason = files[0]?.findings[0]?.message.replace(/^無法讀取檔案：/, '') ?? '';
    expect(files[0]?.findings[0]?.message.startsWith('無法讀取檔案：')).toBe(true);
    expect(reason).toMatch(CJK);
    // the reason is our own instruction, not a quoted cell value: it must reach the user whole (SPEC §5 "asking for .xlsx")
    expect(reason.endsWith('…')).toBe(false);
    expect(reason).toMatch(SAYS[fileName] ?? /./);
    expect(code).toBe(2);
  });

  it('reports all of them in one run, in human form, without a stack trace', async () => {
    const { code, stdout, stderr } = await runPortfund(['check', ...HOSTILE.map(([fileName]) => join(dir ?? '', fileName))]);
    expect(stderr).not.toMatch(STACK_LINE);
    expect(stdout).not.toMatch(STACK_LINE);
    for (const [fileName] of HOSTILE) expect(stdout).toContain(`${fileName}（無法辨識）`);
    expect(stdout.match(/（檔案） file\.unreadable 無法讀取檔案：/g)).toHaveLength(HOSTILE.length);
    expect(code).toBe(2);
  });
});
