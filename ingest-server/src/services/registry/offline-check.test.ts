// `portfund import KIND FILE --dry-run` (cli/import-command.ts): the same row rules offline, human and JSON output,
// exit codes 0 / 1 / 2.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IMPORT_COLUMNS } from '@portfund/shared-rules/src/registry';
import { testId } from '@portfund/shared-rules/src/registry/testing/ids';
import { runImportCommand } from '../../cli/import-command';
import { big5Csv, xlsxOf } from '../../tables/testing/files';

let dir: string;
let out: string[];
let err: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'portfund-import-cli-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));
beforeEach(() => {
  out = [];
  err = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => out.push(String(s)) > 0);
  jest.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => err.push(String(s)) > 0);
});
afterEach(() => jest.restoreAllMocks());

const HEADER = IMPORT_COLUMNS.training.map((c) => c.header);
const row = (over: Partial<Record<string, string>>): string[] =>
  HEADER.map((h) => ({ 身分證字號: testId('A', 1, 1), 志工姓名: '小光', 登錄單位: '桃園市政府', 課程類型: '成長', 開課單位: '桃園市政府', 受訓時數: '3', 課程名稱: '測試課程', 課程起始日期: '2025-12-01', 課程結束日期: '2025-12-01', 課程領域: 'C04', ...over })[h] ?? '');

it('prints each finding with its row and column and exits 1 when there are errors', async () => {
  const file = join(dir, 'training-big5.csv');
  await writeFile(file, big5Csv([HEADER, row({}), row({ 課程名稱: '第二課', 課程類型: '進階' }), row({ 課程名稱: '第三課', 課程起始日期: '1141201', 課程結束日期: '1141201' })]));
  expect(await runImportCommand(['training', file], { 'dry-run': true })).toBe(1);
  expect(out.join('')).toBe(
    [
      'training-big5.csv：教育訓練歷程（CSV，Big5 (CP950)）\n',
      '第 2 列「課程類型」 錯誤 cell.enum 「課程類型」的內容「進階」不是可選的選項（基礎、特殊、在職、成長、其他）\n',
      '共 3 筆，可匯入 2 筆，有錯誤 1 筆；錯誤 1、警告 0；日期：西元 4 個、民國 2 個（離線檢查：未比對單位、工會管轄與資格）\n',
    ].join(''),
  );
});

it('answers JSON and exits 0 for a clean workbook', async () => {
  const file = join(dir, 'training.xlsx');
  await writeFile(file, await xlsxOf([HEADER, row({})]));
  expect(await runImportCommand(['training', file], { 'dry-run': true, json: true })).toBe(0);
  expect(JSON.parse(out.join(''))).toMatchObject({ file: 'training.xlsx', kind: 'training', format: 'xlsx', sheet: '資料', counts: { read: 1, valid: 1, rejected: 0 }, findings: [], summary: { errors: 0, warnings: 0 } });
});

it('exits 2 for a missing or unreadable file, an unknown kind, or without --dry-run', async () => {
  expect(await runImportCommand(['training', join(dir, 'nope.csv')], { 'dry-run': true })).toBe(2);
  const empty = join(dir, 'empty.csv');
  await writeFile(empty, '');
  expect(await runImportCommand(['training', empty], { 'dry-run': true })).toBe(2);
  expect(await runImportCommand(['members', empty], { 'dry-run': true })).toBe(2);
  expect(await runImportCommand(['training', empty], {})).toBe(2);
  expect(err.join('')).toContain('檔案是空的');
  expect(err.join('')).toContain('離線只能檢查（--dry-run）');
});
