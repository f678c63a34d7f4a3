// A file that leaves columns out updates only the columns it has: stored values of the others stay, a blank cell of a
// column it has clears the value, re-importing changes nothing and a dry run says what would change. Officers are
// judged with the registry's officers of the term (officer.leader_count).
import { type CellValue } from '@portfund/shared-rules';
import { IMPORT_COLUMNS, type ImportKind } from '@portfund/shared-rules/src/registry';
import { testId } from '@portfund/shared-rules/src/registry/testing/ids';
import { utf8Csv, type Table } from '../../tables/testing/files';
import { startTestServer, type TestServer, UNION_X_UBN } from '../../testing/test-server';
import { runImport } from './run-import';
import { type ImportMode } from './store';
import { runView } from './view';

let server: TestServer;

/** A table of the given headers (any subset of the kind's, in that order) and rows by header. */
const table = (headers: readonly string[], rows: readonly Readonly<Record<string, CellValue>>[]): Table => [headers, ...rows.map((r) => headers.map((h) => r[h] ?? null))];
const all = (kind: ImportKind): string[] => IMPORT_COLUMNS[kind].map((c) => c.header);
const run = (kind: ImportKind, t: Table, mode: ImportMode = 'valid_rows') => runImport(server.db, server.seed.users.localA, { kind, mode, fileName: `${kind}.csv`, bytes: utf8Csv(t), today: '2025-07-01' });

const UNION = { 工會名稱: '臺中市港區裝卸職業工會', 統一編號: UNION_X_UBN, 電話: '04-26560000', 會員男: '200', 會員女: '185', 會員合計: '385', 工會類型: '職業工會', 負責人: '王大明' };
const V1 = testId('P', 1, 1);
const V2 = testId('P', 2, 2);
const person = (id: string, over: Record<string, CellValue> = {}) => ({
  '身分證字號/居留證字號': id,
  中文姓名: id === V1 ? '陳大文' : '林小美',
  性別: id === V1 ? '男' : '女',
  生日: '1970-01-01',
  手機號碼: '0912-345678',
  Email: 'p@example.com',
  現職: '家管',
  學歷: '大學',
  運用單位: '八德區公所',
  紀錄冊號: `RB-${id}`,
  投保狀態: '已加保',
  是否為原住民: '是',
  加入日期: '2020-01-01',
  ...over,
});

beforeAll(async () => {
  server = await startTestServer();
  await run('units', table(['目的機關', '運用單位'], [{ 目的機關: '社會局', 運用單位: '八德區公所' }]));
  expect((await run('unions', table(all('unions'), [UNION]))).run).toMatchObject({ status: 'applied', rows_inserted: 1 });
  expect((await run('volunteers', table(all('volunteers'), [person(V1), person(V2)]))).run).toMatchObject({ status: 'applied', rows_inserted: 2 });
});
afterAll(() => server.close());

const profile = () => server.db('union_profiles').where('ubn', UNION_X_UBN).first('phone', 'members_male', 'members_total', 'union_type', 'leader');
const volunteer = (id: string) =>
  server.db('volunteers').where('id_no', id).first('name', 'record_book_no', 'insurance_status', 'indigenous', 'mobile').then(async (v) => ({
    ...v,
    joined: (await server.db('volunteer_memberships').join('volunteers', 'volunteers.id', 'volunteer_memberships.volunteer_id').where('id_no', id).first('joined_on')).joined_on,
  }));

describe('unions', () => {
  it('a file of 名稱, 統一編號 and 電話 changes the phone and keeps 會員合計', async () => {
    const partial = table(['工會名稱', '統一編號', '電話'], [{ ...UNION, 電話: '04-26561111' }]);
    expect((await run('unions', partial)).run).toMatchObject({ status: 'applied', rows_inserted: 0, rows_updated: 1, rows_unchanged: 0 });
    expect(await profile()).toEqual({ phone: '04-26561111', members_male: 200, members_total: 385, union_type: '職業工會', leader: '王大明' });
    // the same partial file again: nothing to change
    expect((await run('unions', partial)).run).toMatchObject({ rows_updated: 0, rows_unchanged: 1 });
  });

  it('a blank cell of a column the file has clears that value (and only that one)', async () => {
    const cleared = table(['工會名稱', '統一編號', '會員合計', '會員男', '會員女'], [{ ...UNION, 會員合計: null, 會員男: null, 會員女: null }]);
    const dry = await run('unions', cleared, 'dry_run');
    expect(dry.run).toMatchObject({ status: 'dry_run', rows_updated: 1, rows_unchanged: 0 });
    expect(dry.run).toMatchObject({ message_code: 'run.dry_run', message_params: { inserted: 0, updated: 1, unchanged: 0 } });
    expect(runView(dry.run).message).toContain('若匯入正確的列：新增 0、更新 1、未變更 0');
    expect((await profile()).members_total).toBe(385);
    expect((await run('unions', cleared)).run).toMatchObject({ rows_updated: 1 });
    expect(await profile()).toEqual({ phone: '04-26561111', members_male: null, members_total: null, union_type: '職業工會', leader: '王大明' });
  });
});

describe('volunteers', () => {
  const required = ['身分證字號/居留證字號', '中文姓名', '性別', '生日', '手機號碼', 'Email', '現職', '學歷', '運用單位'];

  it('a file of the required columns only keeps 紀錄冊號, 投保狀態, 原住民 and 加入日期, and changes nothing', async () => {
    const before = [await volunteer(V1), await volunteer(V2)];
    const res = await run('volunteers', table(required, [person(V1), person(V2)]));
    expect(res.run).toMatchObject({ status: 'applied', rows_inserted: 0, rows_updated: 0, rows_unchanged: 2 });
    expect([await volunteer(V1), await volunteer(V2)]).toEqual(before);
    expect(before[0]).toEqual({ name: '陳大文', record_book_no: `RB-${V1}`, insurance_status: '已加保', indigenous: true, mobile: '0912-345678', joined: '2020-01-01' });
  });

  it('updates a changed column the file has, and clears a blank 紀錄冊號 only where the file has the column', async () => {
    const res = await run('volunteers', table([...required, '紀錄冊號'], [person(V1, { 紀錄冊號: null, 手機號碼: '0912-000111' }), person(V2)]));
    expect(res.run).toMatchObject({ rows_updated: 1, rows_unchanged: 1 });
    expect(await volunteer(V1)).toEqual({ name: '陳大文', record_book_no: null, insurance_status: '已加保', indigenous: true, mobile: '0912-000111', joined: '2020-01-01' });
    expect((await volunteer(V2)).record_book_no).toBe(`RB-${V2}`);
  });

  it('a dry run of a changing file reports the update and writes nothing', async () => {
    const before = await volunteer(V2);
    const dry = await run('volunteers', table([...required, '投保狀態'], [person(V2, { 投保狀態: '已退保' })]), 'dry_run');
    expect(dry.run).toMatchObject({ status: 'dry_run', rows_updated: 1, rows_inserted: 0 });
    expect(await volunteer(V2)).toEqual(before);
  });
});

describe('officers against the registry', () => {
  const officer = (n: number, over: Record<string, CellValue> = {}) => ({ 統一編號: UNION_X_UBN, 負責人: '否', 職稱: '理事', 姓名: `職員${n}`, 身分證號: testId('Q', 1, n), 性別: '男', 任期起: '2023-01-01', 任期迄: '2026-12-31', ...over });

  beforeAll(async () => {
    expect((await run('officers', table(all('officers'), [officer(1, { 負責人: '是', 職稱: '理事長', 姓名: '王大明' }), officer(2)]))).run).toMatchObject({ rows_inserted: 2 });
  });

  it('adds an officer to a stored term without repeating the 負責人', async () => {
    const res = await run('officers', table(all('officers'), [officer(3)]));
    expect(res.run).toMatchObject({ status: 'applied', rows_inserted: 1, rows_rejected: 0, errors: 0 });
  });

  it('refuses a second 負責人 for a stored term, naming the stored one', async () => {
    const res = await run('officers', table(all('officers'), [officer(4, { 負責人: '是' })]));
    expect(res.run).toMatchObject({ rows_inserted: 0, rows_rejected: 1 });
    expect(res.findings.map((f) => [f.code, f.row, f.message])).toEqual([
      ['officer.leader_count', 1, `統一編號「${UNION_X_UBN}」任期 2023-01-01~2026-12-31 的負責人有 2 位，應恰為 1 位（名冊已登錄的負責人：王大明；更換負責人時，請在同一檔案將原負責人改為「否」）`],
    ]);
    expect(await server.db('union_officers').where('is_leader', true).pluck('name')).toEqual(['王大明']);
  });

  it('changes the 負責人 when the file steps the old one down in the same import', async () => {
    const res = await run('officers', table(all('officers'), [officer(4, { 負責人: '是', 職稱: '理事長' }), officer(1, { 姓名: '王大明', 職稱: '理事' })]));
    expect(res.run).toMatchObject({ rows_inserted: 1, rows_updated: 1, errors: 0 });
    expect(await server.db('union_officers').where('is_leader', true).pluck('name')).toEqual(['職員4']);
  });
});
