// The import service directly: a file failing part-way changes nothing, a chosen XLSX sheet, concurrent imports of one
// registry serialised, a report of thousands of findings streamed in order.
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { taipeiTimestamp } from '@portfund/shared-rules';
import { IMPORT_COLUMNS } from '@portfund/shared-rules/src/registry';
import { testId } from '@portfund/shared-rules/src/registry/testing/ids';
import { utf8Csv, xlsxOf } from '../../tables/testing/files';
import { startTestServer, type TestServer } from '../../testing/test-server';
import { writeImportReport } from './report-xlsx';
import { runImport } from './run-import';
import { runView } from './view';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  const units = [['目的機關', '運用單位'], ['社會局', '八德區公所']];
  await runImport(server.db, server.seed.users.localA, { kind: 'units', mode: 'valid_rows', fileName: 'units.csv', bytes: utf8Csv(units) });
});
afterAll(() => server.close());

const HEADER = IMPORT_COLUMNS.service_hours.map((c) => c.header);
const hoursRow = (n: number, day: string): string[] => [testId('K', 1, n), '王小明', '八德區公所', '一般志工', day, day, '關懷', '電話問安', '1.5'];
const hoursTable = (count: number, from = 0): string[][] => [HEADER, ...Array.from({ length: count }, (_, i) => hoursRow(from + i, `2025-0${1 + (i % 9)}-1${i % 10}`))];
/** The import report of a run, as written to a response, read back. */
const reportOf = async (run: Parameters<typeof writeImportReport>[1]): Promise<ExcelJS.Workbook> => {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeImportReport(server.db, run, out);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return wb;
};
const countRows = async (table: string): Promise<number> => Number(((await server.db(table).count('* as n')) as [{ n: string }])[0].n);
const count = (): Promise<number> => countRows('volunteer_service_hours');

it('writes nothing when the file turns out unreadable after valid rows, and records why', async () => {
  const before = await count();
  const text = `${utf8Csv(hoursTable(5, 100)).toString()}"unclosed,quote\n`;
  const outcome = await runImport(server.db, server.seed.users.localA, { kind: 'service_hours', mode: 'valid_rows', fileName: 'broken.csv', bytes: Buffer.from(text) });
  expect(outcome.run).toMatchObject({ status: 'unreadable', rows_inserted: 0, errors: 1 });
  expect(outcome.run).toMatchObject({ message_code: 'file.unreadable', message_params: { reason: expect.any(String) } });
  expect(runView(outcome.run).message).toContain('第 7 行：引號未結束');
  expect(await count()).toBe(before);
});

it('reads the chosen sheet of a workbook', async () => {
  const bytes = await xlsxOf(hoursTable(3, 200), { sheetName: '時數', before: ['說明'] });
  const first = await runImport(server.db, server.seed.users.localA, { kind: 'service_hours', mode: 'dry_run', fileName: 'h.xlsx', bytes });
  // the first sheet is the notes: its header is refused (missing columns; the unknown ones are only warned about)
  expect(first.run).toMatchObject({ status: 'dry_run', sheet: '說明', errors: 1, warnings: 1, rows_read: 0 });
  const chosen = await runImport(server.db, server.seed.users.localA, { kind: 'service_hours', mode: 'valid_rows', fileName: 'h.xlsx', bytes, sheet: '時數' });
  expect(chosen.run).toMatchObject({ status: 'applied', sheet: '時數', rows_inserted: 3 });
});

it('serialises concurrent imports of one registry: the second finds the first one\'s rows', async () => {
  const bytes = utf8Csv(hoursTable(300, 1000));
  const request = { kind: 'service_hours' as const, mode: 'valid_rows' as const, fileName: 'same.csv', bytes };
  const [a, b] = await Promise.all([runImport(server.db, server.seed.users.localA, request), runImport(server.db, server.seed.users.localA, request)]);
  expect([a.run.rows_inserted + b.run.rows_inserted, a.run.rows_unchanged + b.run.rows_unchanged]).toEqual([300, 300]);
});

it('stores the first 200 findings of each code in row order, then one count per code, and the report says so', async () => {
  // 2,500 rows with an impossible date: two findings each
  const bad = [HEADER, ...Array.from({ length: 2500 }, (_, i) => hoursRow(5000 + i, '2025-02-30'))];
  const outcome = await runImport(server.db, server.seed.users.localA, { kind: 'service_hours', mode: 'dry_run', fileName: 'bad.csv', bytes: utf8Csv(bad) });
  expect(outcome.run).toMatchObject({ rows_read: 2500, rows_rejected: 2500, errors: 5000 });
  expect(outcome.findings).toHaveLength(200);
  const stored = await server.db('import_findings').where('run_id', outcome.run.id).orderBy('seq').select('code', 'row_no', 'field', 'params');
  const codes = [...new Set(stored.filter((f) => f.code !== 'import.findings_omitted').map((f) => f.code as string))];
  const listed = stored.filter((f) => f.code !== 'import.findings_omitted');
  const summaries = stored.filter((f) => f.code === 'import.findings_omitted');
  for (const code of codes) expect(listed.filter((f) => f.code === code)).toHaveLength(200);
  // every finding is either listed or counted: nothing is lost from the totals
  const omitted = summaries.reduce((n, f) => n + Number((f.params as { count: number }).count), 0);
  expect(listed.length + omitted).toBe(5000);
  expect(outcome.run.findings_stored).toBe(stored.length);
  expect(Object.values(outcome.run.findings_omitted).reduce((a, b) => a + b, 0)).toBe(omitted);
  const wb = await reportOf(outcome.run);
  const sheet = wb.getWorksheet('檢查結果');
  expect(sheet?.rowCount).toBe(stored.length + 1);
  expect(sheet?.getRow(2).getCell(1).value).toBe(1);
  expect(sheet?.getRow(2).getCell(5).value).toBe('「服務日期起」填寫的「2025-02-30」不是有效的日期：2025 年 2 月只有 28 日');
  const last = sheet?.getRow(stored.length + 1);
  expect(last?.getCell(3).value).toBe('import.findings_omitted');
  expect(String(last?.getCell(5).value)).toMatch(/^代碼 \S+ 另有 \d+ 筆同類問題未列出$/);
  expect(wb.getWorksheet('摘要')?.getCell('B11').value).toBe(2500);
});

it('stores a bounded number of rows for a dry run of a huge broken file, and nothing else', async () => {
  // one cell a row under a full header: every row misses every other required column (the 1,000,000-row file
  // stored 9 findings a row; the benchmark measures that size, this proves the cap at 20,000)
  const rows = 20_000;
  const text = `${HEADER.join(',')}\r\n${'x\r\n'.repeat(rows)}`;
  const findingsBefore = await countRows('import_findings');
  const hoursBefore = await count();
  const outcome = await runImport(server.db, server.seed.users.localA, { kind: 'service_hours', mode: 'dry_run', fileName: 'huge.csv', bytes: Buffer.from(text) });
  expect(outcome.run).toMatchObject({ status: 'dry_run', rows_read: rows, rows_rejected: rows });
  const findings = outcome.run.errors + outcome.run.warnings;
  expect(findings).toBeGreaterThanOrEqual(rows * 5);
  const codes = Object.keys(outcome.run.findings_omitted).length;
  const added = (await countRows('import_findings')) - findingsBefore;
  // the first 200 of each code and one count per code: a few thousand at most, whatever the size of the file
  expect(added).toBe(outcome.run.findings_stored);
  expect(added).toBeLessThanOrEqual(codes * 201);
  expect(await count()).toBe(hoursBefore);
});

it('names who imported and gives the times in Taipei time', async () => {
  await server.db('users').where('id', server.seed.users.localA.id).update({ display_name: '王承辦' });
  const outcome = await runImport(server.db, server.seed.users.localA, { kind: 'service_hours', mode: 'dry_run', fileName: 'who.csv', bytes: utf8Csv(hoursTable(1, 9000)) });
  const wb = await reportOf(outcome.run);
  const summary = new Map<string, unknown>();
  wb.getWorksheet('摘要')?.eachRow((r) => summary.set(String(r.getCell(1).value), r.getCell(2).value));
  // the calendar's Taipei clock (its own test holds it to Intl's Asia/Taipei)
  const taipei = (d: Date): string => `${taipeiTimestamp(d)} (UTC+8)`;
  expect(summary.get('匯入者')).toBe('王承辦（taichung）');
  expect(summary.get('匯入時間')).toBe(taipei(new Date(outcome.run.created_at)));
  expect(summary.get('完成時間')).toBe(taipei(new Date(outcome.run.finished_at ?? 0)));
  expect(String(summary.get('匯入時間'))).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} \(UTC\+8\)$/);
});
