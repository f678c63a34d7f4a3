// Registry imports over real HTTP with generated files (Big5 CSV, UTF-8-BOM CSV, XLSX) of every kind: Chinese text
// intact in the database, every SPEC §8 code at its row, dry run / all or nothing / re-import, scope, reports, and the
// eligibility lists and 半年報 of the 50-volunteer fixture against the hand-computed tables.
import ExcelJS from 'exceljs';
import { type CellValue } from '@portfund/shared-rules';
import { IMPORT_COLUMNS, type ImportKind } from '@portfund/shared-rules/src/registry';
import { testId, testUbn } from '@portfund/shared-rules/src/registry/testing/ids';
import { figuresAsExpected } from '@portfund/shared-rules/src/registry/testing/compare';
import {
  AS_OF,
  EXPECTED_MISSING,
  EXPECTED_QUALIFIED,
  EXPECTED_ROOT,
  EXPECTED_SQUAD,
  EXPECTED_TOTALS,
  VOLUNTEERS,
  idOf,
  nameOf,
  serviceTable,
  trainingTable,
  unitsTable,
  volunteersTable,
} from '@portfund/shared-rules/src/registry/testing/volunteer-fixture';
import { big5Csv, utf8BomCsv, utf8Csv, xlsxOf, type Table } from '../tables/testing/files';
import { download, postImport } from '../tables/testing/http';
import { registryProfile } from '../services/registry/registry-profile';
import { call } from '../testing/http';
import { startTestServer, type TestServer, UNION_X_UBN } from '../testing/test-server';
import { legacyXls } from '../workbook/testing/hostile-files';

let server: TestServer;
let localA: string;
let localB: string;
let ministry: string;
let unionX: string;

beforeAll(async () => {
  server = await startTestServer();
  localA = await server.login('taichung');
  localB = await server.login('kaohsiung');
  ministry = await server.login('reviewer');
  unionX = await server.login('union-x');
});
afterAll(() => server.close());

const table = (kind: ImportKind, rows: readonly Readonly<Record<string, CellValue>>[]): Table => {
  const headers = IMPORT_COLUMNS[kind].map((c) => c.header);
  return [headers, ...rows.map((r) => headers.map((h) => r[h] ?? null))];
};

const NEW_UBN = testUbn(11);
const UNIONS = table('unions', [
  {
    工會編號: '3652', 工會類型: '職業工會', 工會名稱: '臺中市港區裝卸職業工會', 統一編號: UNION_X_UBN, 立案證書編號: '中市勞字第0001號', 負責人: '王大明', 屆次: '5',
    任期起: '2023-01-01', 任期迄: '2026-12-31', 成立日期: '0840301', 登記證書日期: '0840226', 文號: '中市府勞組字第1140001號', 會址: '臺中市梧棲區中二路一段1號',
    電話: '04-26560000', Email: 'union@example.com', 傳真: '04-26560001', 網址: 'https://union.example.tw', 選制: '會員制',
    理事男: '5', 理事女: '4', 理事合計: '9', 監事男: '2', 監事女: '1', 監事合計: '3', 會員男: '200', 會員女: '185', 會員合計: '385',
    上年度歲入決算: '1234567', 上年度歲出決算: '1000000', 上次定期大會日期: '2024-12-15', '章程訂有單一性別達1/3': '是', 主管機關: '臺中市政府勞工局',
  },
  { 工會類型: '聯合組織', 工會名稱: '臺中市港區工會聯合會', 統一編號: NEW_UBN, 會員工會家數: '12', 理事男: '4', 理事女: '3', 理事合計: '7', 會員男: '10', 會員女: '2', 會員合計: '12' },
]);
const officer = (over: Record<string, CellValue>) => ({ 統一編號: UNION_X_UBN, 負責人: '否', 任期起: '2023-01-01', 任期迄: '2026-12-31', 電話: '04-26560000', ...over });
const OFFICERS = table('officers', [
  officer({ 負責人: '是', 職稱: '理事長', 姓名: '王大明', 身分證號: testId('L', 1, 1), 性別: '男', 生日: '0650101', 通訊地址: '臺中市梧棲區中二路一段1號', Email: 'wang@example.com' }),
  officer({ 職稱: '常務理事', 姓名: '林小華', 身分證號: testId('L', 2, 2), 性別: '女' }),
  officer({ 職稱: '監事', 姓名: '陳小強', 身分證號: testId('L', 1, 3), 性別: '男' }),
  officer({ 統一編號: NEW_UBN, 負責人: '是', 職稱: '理事長', 姓名: '張三豐', 身分證號: testId('L', 1, 4), 性別: '男', 任期起: '2024-01-01', 任期迄: '2027-12-31' }),
]);

/** The fixture and the union tables, in the order the registry needs them (units first; training and hours before volunteers). */
const KINDS: readonly (readonly [ImportKind, Table])[] = [
  ['units', unitsTable()],
  ['training', trainingTable()],
  ['service_hours', serviceTable()],
  ['volunteers', volunteersTable()],
  ['unions', UNIONS],
  ['officers', OFFICERS],
];

const REGISTRY = ['organizations', 'volunteer_units', 'volunteers', 'volunteer_memberships', 'volunteer_trainings', 'volunteer_service_hours', 'union_profiles', 'union_officers'];
const registryState = async (): Promise<Record<string, string>> => {
  const out: Record<string, string> = {};
  for (const t of REGISTRY) {
    const [row] = await server.db(t).select(server.db.raw('count(*) as n'), server.db.raw(t === 'organizations' ? 'max(name) as m' : t === 'volunteer_units' ? 'max(created_at) as m' : 'max(updated_at) as m'));
    out[t] = `${row.n}|${String(row.m)}`;
  }
  return out;
};

const dataRows = (t: Table): number => t.length - 1;
const firstVolunteerRun: { id?: number } = {};

describe('POST /api/registry/imports/:kind — every kind as Big5 CSV, UTF-8-BOM CSV and XLSX', () => {
  it.each(KINDS)('%s: Big5 inserts, UTF-8 with BOM and XLSX find the same rows unchanged', async (kind, t) => {
    const big5 = await postImport(server.url, localA, kind, { name: `${kind}-big5.csv`, bytes: big5Csv(t) }, { mode: 'valid_rows' });
    expect(big5.status).toBe(202);
    expect(big5.body).toMatchObject({ kind, status: 'applied', format: 'csv', encoding: 'cp950', encodingLabel: 'Big5 (CP950)', counts: { read: dataRows(t), valid: dataRows(t), rejected: 0, updated: 0, unchanged: 0 } });
    expect(big5.body.counts.inserted).toBe(dataRows(t));
    expect(big5.body.summary.errors).toBe(0);
    if (kind === 'volunteers') firstVolunteerRun.id = big5.body.id;

    const bom = await postImport(server.url, localA, kind, { name: `${kind}-utf8.csv`, bytes: utf8BomCsv(t) }, { mode: 'valid_rows' });
    expect(bom.body).toMatchObject({ status: 'applied', encoding: 'utf-8-bom', counts: { read: dataRows(t), inserted: 0, updated: 0, unchanged: dataRows(t) } });

    const xlsx = await postImport(server.url, localA, kind, { name: `${kind}.xlsx`, bytes: await xlsxOf(t, { realDates: true }) }, { mode: 'valid_rows' });
    expect(xlsx.body).toMatchObject({ status: 'applied', format: 'xlsx', encoding: null, sheet: '資料', counts: { read: dataRows(t), inserted: 0, updated: 0, unchanged: dataRows(t) } });
  });

  it('stores the Chinese text exactly as written', async () => {
    const db = server.db;
    expect(await db('volunteer_units').orderBy('id').pluck('name')).toEqual(['社會局', '八德區公所', '社福志工隊', '第一小隊', '南區老人文康中心', '環保局', '清潔隊']);
    expect(await db('volunteers').where('id_no', idOf(VOLUNTEERS[7]!)).first('name', 'education', 'occupation', 'sex', 'birth_date', 'indigenous')).toEqual({
      name: '劉怡君', education: '高職', occupation: '家管', sex: '女', birth_date: '1975-06-30', indigenous: true,
    });
    expect(await db('volunteer_trainings').where('id_no', idOf(VOLUNTEERS[0]!)).first('course_name', 'organizer', 'unit_name', 'course_type')).toEqual({
      course_name: '成長訓練課程', organizer: '臺中市志願服務推廣中心', unit_name: '八德區公所', course_type: '成長',
    });
    expect(await db('volunteer_service_hours').where('id_no', idOf(VOLUNTEERS[16]!)).first('service_item', 'service_content', 'hours', 'start_on')).toEqual({
      service_item: '社會福利服務', service_content: '關懷訪視', hours: '299.50', start_on: '2023-01-01',
    });
    expect(await db('union_profiles').where('ubn', UNION_X_UBN).first('name', 'address', 'document_no', 'founded_on', 'members_total', 'last_year_revenue', 'one_third_rule')).toEqual({
      name: '臺中市港區裝卸職業工會', address: '臺中市梧棲區中二路一段1號', document_no: '中市府勞組字第1140001號', founded_on: '1995-03-01', members_total: 385, last_year_revenue: '1234567', one_third_rule: true,
    });
    expect(await db('union_officers').orderBy('id').pluck('name')).toEqual(['王大明', '林小華', '陳小強', '張三豐']);
    expect(await db('organizations').where('ubn', NEW_UBN).first('name', 'kind', 'parent_id')).toEqual({ name: '臺中市港區工會聯合會', kind: 'union', parent_id: server.seed.localA.id });
  });

  it('says which date conventions it saw', async () => {
    const runs = await call(`${server.url}/api/registry/imports?kind=unions`, localA);
    // the union file has 7 dates: 成立日期 and 登記證書日期 ROC, the others Gregorian
    expect(runs.body.runs.at(-1).dateFormats).toEqual({ gregorian: 3, roc: 2 });
  });

  it('reports volunteer.eligibility for a 紀錄冊號 the registry\'s training does not support (邱冠宇, row 16: 基礎 5.5 h)', async () => {
    const run = await call(`${server.url}/api/registry/imports/${firstVolunteerRun.id}?limit=5000`, localA);
    const found = run.body.findings.filter((f: { row: number }) => f.row === 16);
    expect(found).toEqual([expect.objectContaining({ code: 'volunteer.eligibility', severity: 'warning', field: '紀錄冊號', message: '邱冠宇：填有紀錄冊號，但基礎訓練差 0.5 小時' })]);
  });

  it('GET /api/registry/unions/:id/officers lists a union\'s officers by term, ID numbers masked', async () => {
    const res = await call(`${server.url}/api/registry/unions/${server.seed.unionX.id}/officers`, localA);
    expect(res.status).toBe(200);
    expect(res.body.union).toEqual({ id: server.seed.unionX.id, ubn: UNION_X_UBN, name: '臺中市港區裝卸職業工會' });
    expect(res.body.terms.map((t: any) => [t.termStart, t.termEnd, t.leader, t.officers.map((o: any) => [o.name, o.title, o.isLeader])])).toEqual([
      ['2023-01-01', '2026-12-31', '王大明', [['王大明', '理事長', true], ['林小華', '常務理事', false], ['陳小強', '監事', false]]],
    ]);
    expect(res.body.terms[0].officers[0]).toMatchObject({ idNo: expect.stringMatching(/^L1\d{3}\*{5}$/), sex: '男', birthDate: '1976-01-01', email: 'wang@example.com' });
    const ministryView = await call(`${server.url}/api/registry/unions/${server.seed.unionX.id}/officers?org=${server.seed.localA.id}`, ministry);
    expect(ministryView.body).toEqual(res.body);
  });

  it('links the registry to reconciliation: registryProfile gives the name and 會員合計', async () => {
    expect(await registryProfile(server.db, server.seed.unionX.id)).toMatchObject({ ubn: UNION_X_UBN, name: '臺中市港區裝卸職業工會', membersTotal: 385, membersMale: 200, membersFemale: 185 });
    expect(await registryProfile(server.db, server.seed.unionY.id)).toBeNull();
  });
});

describe('eligibility and 半年報 of the fixture (hand-computed tables)', () => {
  it('GET /api/registry/eligibility lists who qualifies and what the others miss', async () => {
    const res = await call(`${server.url}/api/registry/eligibility?asOf=${AS_OF}`, localA);
    expect(res.status).toBe(200);
    expect(res.body.volunteers).toBe(49);
    const numberOf = new Map(VOLUNTEERS.map((v) => [v.name, v.n]));
    const qualified = Object.fromEntries(res.body.awards.map((a: any) => [a.award, a.qualified.map((e: any) => [numberOf.get(e.name), e.assessment.tier])]));
    expect(qualified).toEqual(EXPECTED_QUALIFIED);
    for (const [award, n, tier, missing] of EXPECTED_MISSING) {
      const list = res.body.awards.find((a: any) => a.award === award);
      const entry = [...list.qualified, ...list.notQualified].find((e: any) => e.name === nameOf(n));
      expect([award, n, entry.assessment.missingFor, entry.assessment.missing]).toEqual([award, n, tier, missing]);
    }
    // ID numbers are masked
    expect(res.body.awards[0].qualified[0].idNo).toMatch(/^B2\d{3}\*{5}$/);
  });

  it('GET /api/registry/eligibility?unit= limits the list to the unit and below', async () => {
    const units = await call(`${server.url}/api/registry/units`, localA);
    const squad = units.body.units.find((u: any) => u.name === '第一小隊');
    const res = await call(`${server.url}/api/registry/eligibility?asOf=${AS_OF}&unit=${squad.id}`, localA);
    expect(res.body.unit.path).toBe('臺中市政府勞工局 > 社會局 > 八德區公所 > 社福志工隊 > 第一小隊');
    expect(res.body.volunteers).toBe(11);
    expect(res.body.awards.find((a: any) => a.award === 'record_book').qualified.map((e: any) => e.name)).toEqual(['洪淑惠']);
  });

  it('GET /api/registry/semiannual gives every breakdown, per unit and rolled up', async () => {
    const res = await call(`${server.url}/api/registry/semiannual?year=114&half=1`, localA);
    expect(res.status).toBe(200);
    expect([res.body.start, res.body.end]).toEqual(['2025-01-01', '2025-06-30']);
    expect(figuresAsExpected(res.body.units[0].figures)).toEqual(EXPECTED_ROOT);
    const byName = new Map(res.body.units.map((u: any) => [u.name, u]));
    expect(figuresAsExpected((byName.get('第一小隊') as any).figures)).toEqual(EXPECTED_SQUAD);
    for (const [name, [male, female]] of Object.entries(EXPECTED_TOTALS)) expect([name, (byName.get(name) as any).figures.total]).toEqual([name, { male, female }]);
    // Gregorian year and H1 spelling give the same
    const same = await call(`${server.url}/api/registry/semiannual?year=2025&half=H1`, localA);
    expect(same.body.units[0].figures).toEqual(res.body.units[0].figures);
  });

  it('GET /api/registry/semiannual?format=xlsx lays the unit out like the form', async () => {
    const units = await call(`${server.url}/api/registry/units`, localA);
    const social = units.body.units.find((u: any) => u.name === '社會局');
    const file = await download(`${server.url}/api/registry/semiannual?year=114&half=1&format=xlsx&unit=${social.id}`, localA);
    expect(file.status).toBe(200);
    expect(file.type).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const form = wb.getWorksheet('半年報');
    expect(form?.getCell('A1').value).toBe('114年上半年 志願服務志工人數及服務成果');
    expect(form?.getCell('A2').value).toBe('填報單位：臺中市政府勞工局 > 社會局');
    const rows = form?.getSheetValues().filter(Array.isArray).map((r) => (r as unknown[]).slice(1, 6)) ?? [];
    expect(rows).toContainEqual(['按性別分', '志工人數', 21, 20, 41]);
    expect(rows).toContainEqual(['具原住民族身分', '', 0, 2, 2]);
    // 訓練情形 as the seed form has it: 團體 / 推廣 / 其他推廣訓練, 人次 and 節數 (社會局's: 陳志明 3 h, 董怡萱 6 + 6 h, 吳宗翰 is the 主管機關's)
    const items = rows.map((r) => `${String(r[0])}|${String(r[1])}`);
    const training = rows.filter((r) => r[0] === '訓練情形').map((r) => [r[1], r[4]]);
    expect(training).toEqual([['團體訓練-人次', 0], ['團體訓練-節數', 0], ['推廣訓練-人次', 3], ['推廣訓練-節數', 15], ['其他推廣訓練-人次', 0], ['其他推廣訓練-節數', 0]]);
    const order = ['按性別分|志工人數', '以年齡別分|未滿12歲', '按教育程度分|國中及以下', '具原住民族身分|', '按服務年資分|未滿1年', '按身分別分|公教人員_現職', '志工服務成果|接受服務總數-人次', '訓練情形|團體訓練-人次', '聯繫會館|進出', '獎勵表揚|人數', '備有紀錄冊人數|', '志工保險人數|'];
    expect(order.map((i) => items.indexOf(i))).toEqual([...order.map((i) => items.indexOf(i))].sort((a, b) => a - b));
    expect(order.every((i) => items.includes(i))).toBe(true);
    expect(wb.getWorksheet('所屬單位')?.rowCount).toBe(6); // header + 社會局 and its 4 units
    const unmapped = wb.getWorksheet('無法歸類')?.getSheetValues().filter(Array.isArray).map((r) => (r as unknown[]).slice(1, 5));
    expect(unmapped).toEqual([['欄位', '內容', '人數', '列入'], ['學歷', '不詳', 1, '按教育程度分 其他/未填'], ['現職', '社工', 1, '按身分別分 其他'], ['現職', '志願服務', 2, '按身分別分 其他']]);
  });
});

describe('the SPEC §8 codes, each at its row (dry runs)', () => {
  const units = (over: Record<string, CellValue>[]) => table('units', over);
  const unionRow = (over: Record<string, CellValue>) => ({ 工會名稱: '臺中市測試工會', 統一編號: testUbn(20), 理事男: '3', 理事女: '3', 理事合計: '6', ...over });
  const hours = (over: Record<string, CellValue>) => ({ 身分證字號: testId('C', 1, 1), 志工姓名: '王五', 時數歸屬單位: '清潔隊', 時數類型: '一般志工', 服務日期起: '2025-01-01', 服務日期迄: '2025-01-01', 服務項目: '環境清潔', 服務內容: '掃街', 服務時數: '2', ...over });
  const volunteer = (over: Record<string, CellValue>) => ({ '身分證字號/居留證字號': testId('C', 2, 2), 中文姓名: '李四', 性別: '女', 生日: '1980-01-01', 手機號碼: '0912-345678', Email: 'li@example.com', 現職: '家管', 學歷: '大學', 運用單位: '清潔隊', ...over });

  const cases: readonly (readonly [string, ImportKind, Table, readonly (readonly [string, number | undefined, string | undefined])[]])[] = [
    ['import.header (a training file sent as service hours)', 'service_hours', trainingTable(), [['import.header', undefined, expect.stringContaining('時數歸屬單位')], ['import.header', undefined, expect.stringContaining('登錄單位')], ['import.header', undefined, undefined]]],
    ['import.header (an unknown column: a warning, the row is read)', 'service_hours', [[...IMPORT_COLUMNS.service_hours.map((c) => c.header), '大頭照'], [...Object.values(hours({})), 'x.jpg']], [['import.header', undefined, '大頭照']]],
    ['volunteer.hours_implausible', 'service_hours', table('service_hours', [hours({}), hours({ 服務日期起: '2025-01-03', 服務日期迄: '2025-01-03', 服務時數: '99999' })]), [['volunteer.hours_implausible', 2, '服務時數']]],
    ['volunteer.category_unmapped', 'volunteers', table('volunteers', [volunteer({}), volunteer({ '身分證字號/居留證字號': testId('C', 1, 5), 性別: '男', 現職: '社工' })]), [['volunteer.category_unmapped', 2, '現職']]],
    ['import.duplicate', 'service_hours', table('service_hours', [hours({}), hours({ 服務日期起: '2025-01-02', 服務日期迄: '2025-01-02' }), hours({})]), [['import.duplicate', 3, '身分證字號']]],
    ['import.unknown_unit', 'volunteers', table('volunteers', [volunteer({}), volunteer({ '身分證字號/居留證字號': testId('C', 1, 3), 性別: '男', 運用單位: '不存在的運用單位' })]), [['import.unknown_unit', 2, '運用單位']]],
    ['union.gender_total', 'unions', table('unions', [unionRow({}), unionRow({ 統一編號: testUbn(21), 理事合計: '7' })]), [['union.gender_total', 2, '理事合計']]],
    ['union.federation_members_required', 'unions', table('unions', [unionRow({ 工會類型: '聯合組織' })]), [['union.federation_members_required', 1, '會員工會家數']]],
    ['union.gender_one_third', 'unions', table('unions', [unionRow({}), unionRow({ 統一編號: testUbn(22), '章程訂有單一性別達1/3': '是', 理事男: '5', 理事女: '1', 理事合計: '6' })]), [['union.gender_one_third', 2, '理事女']]],
    [
      'officer.leader_count',
      'officers',
      table('officers', [
        officer({ 負責人: '是', 職稱: '理事長', 姓名: '甲', 身分證號: testId('D', 1, 1), 性別: '男' }),
        officer({ 負責人: '是', 職稱: '常務理事', 姓名: '乙', 身分證號: testId('D', 1, 2), 性別: '男' }),
      ]),
      // the registry already holds 王大明 as this term's 負責人: both rows name one too many
      [['officer.leader_count', 1, '負責人'], ['officer.leader_count', 2, '負責人']],
    ],
    ['officer.term_order', 'officers', table('officers', [officer({ 負責人: '是', 職稱: '理事長', 姓名: '甲', 身分證號: testId('D', 1, 1), 性別: '男', 任期迄: '2022-12-31' })]), [['officer.term_order', 1, '任期迄']]],
    ['volunteer.eligibility', 'volunteers', table('volunteers', [volunteer({}), volunteer({ '身分證字號/居留證字號': testId('C', 1, 4), 性別: '男', 榮譽卡卡號: 'HC99' })]), [['volunteer.eligibility', 2, '榮譽卡卡號']]],
    ['units: import.duplicate', 'units', units([{ 目的機關: '社會局' }, { 目的機關: '社會局' }]), [['import.duplicate', 2, '目的機關']]],
  ];

  it.each(cases)('%s', async (_name, kind, t, expected) => {
    const before = await registryState();
    const res = await postImport(server.url, localA, kind, { name: 'case.csv', bytes: utf8Csv(t) }, { mode: 'dry_run' });
    expect(res.status).toBe(202);
    expect(res.body.status).toBe('dry_run');
    expect(res.body.findings.map((f: any) => [f.code, f.row, f.field])).toEqual(expected);
    expect(await registryState()).toEqual(before);
  });
});

describe('modes', () => {
  const ID = testId('E', 1, 1);
  const row = (date: string, h: string) => ({ 身分證字號: ID, 志工姓名: '趙六', 時數歸屬單位: '第一小隊', 時數類型: '一般志工', 服務日期起: date, 服務日期迄: date, 服務項目: '關懷', 服務內容: '電話問安', 服務時數: h });
  const good = table('service_hours', [row('2025-03-01', '2'), row('2025-03-02', '3'), row('2025-03-03', '4')]);
  const withBad = table('service_hours', [row('2025-03-01', '2'), row('2025-03-02', '3'), row('2025-02-30', '1'), row('2025-03-03', '4')]);

  it('a dry run writes nothing to the registry, says what an import would change, and is recorded', async () => {
    const before = await registryState();
    const res = await postImport(server.url, localA, 'service_hours', { name: 'dry.csv', bytes: utf8Csv(good) }, { mode: 'dry_run' });
    expect(res.body).toMatchObject({
      status: 'dry_run',
      counts: { read: 3, valid: 3, inserted: 3, updated: 0, unchanged: 0 },
      message: '試算（未寫入任何資料）：共 3 筆，可匯入 3 筆，有錯誤 0 筆；若匯入正確的列：新增 3、更新 0、未變更 0',
    });
    expect(await registryState()).toEqual(before);
  });

  it('all or nothing with one bad row writes nothing; without it, everything', async () => {
    const before = await registryState();
    const res = await postImport(server.url, localA, 'service_hours', { name: 'aon.csv', bytes: utf8Csv(withBad) }, { mode: 'all_or_nothing' });
    expect(res.body).toMatchObject({ status: 'rejected', counts: { read: 4, valid: 3, rejected: 1, inserted: 0 } });
    expect(res.body.findings.map((f: any) => [f.code, f.row, f.field])).toEqual([
      ['date.roc_invalid', 3, '服務日期起'],
      ['date.roc_invalid', 3, '服務日期迄'],
    ]);
    expect(await registryState()).toEqual(before);
    const ok = await postImport(server.url, localA, 'service_hours', { name: 'aon.csv', bytes: utf8Csv(good) }, { mode: 'all_or_nothing' });
    expect(ok.body).toMatchObject({ status: 'applied', counts: { read: 3, inserted: 3, updated: 0, unchanged: 0 } });
  });

  it('valid rows mode applies the good rows and reports the bad one', async () => {
    const res = await postImport(server.url, localA, 'service_hours', { name: 'valid.csv', bytes: utf8Csv(withBad) }, { mode: 'valid_rows' });
    expect(res.body).toMatchObject({ status: 'applied', counts: { read: 4, valid: 3, rejected: 1, inserted: 0, unchanged: 3 } });
  });

  it('re-importing is a no-op; a changed row updates its record', async () => {
    const again = await postImport(server.url, localA, 'volunteers', { name: 'v.csv', bytes: utf8Csv(volunteersTable()) }, { mode: 'valid_rows' });
    expect(again.body.counts).toEqual({ read: 51, valid: 51, rejected: 0, inserted: 0, updated: 0, unchanged: 51 });
    const changed = table('service_hours', [row('2025-03-01', '2'), row('2025-03-02', '3.5'), row('2025-03-03', '4')]);
    const res = await postImport(server.url, localA, 'service_hours', { name: 'changed.csv', bytes: utf8Csv(changed) }, { mode: 'valid_rows' });
    expect(res.body.counts).toMatchObject({ inserted: 0, updated: 1, unchanged: 2 });
    expect(await server.db('volunteer_service_hours').where({ id_no: ID, start_on: '2025-03-02' }).first('hours')).toEqual({ hours: '3.50' });
  });

  it('creates missing 志工隊 under a known 運用單位 only when asked', async () => {
    const t = table('volunteers', [{ '身分證字號/居留證字號': testId('F', 2, 1), 中文姓名: '錢七', 性別: '女', 生日: '1980-01-01', 手機號碼: '0912-345678', Email: 'q@example.com', 現職: '家管', 學歷: '大學', 運用單位: '清潔隊', 志工隊: '資源回收隊', 志工小隊: '甲小隊' }]);
    const refused = await postImport(server.url, localA, 'volunteers', { name: 'v.csv', bytes: utf8Csv(t) }, { mode: 'valid_rows' });
    expect(refused.body.findings).toEqual([expect.objectContaining({ code: 'import.unknown_unit', row: 1, field: '志工隊' })]);
    const created = await postImport(server.url, localA, 'volunteers', { name: 'v.csv', bytes: utf8Csv(t) }, { mode: 'valid_rows', createUnits: 'true' });
    expect(created.body.counts).toMatchObject({ inserted: 1 });
    const units = await call(`${server.url}/api/registry/units`, localA);
    expect(units.body.units.map((u: any) => u.path)).toContain('臺中市政府勞工局 > 環保局 > 清潔隊 > 資源回收隊 > 甲小隊');
  });
});

describe('bad input gets a clear zh-TW answer and changes nothing', () => {
  // a file that cannot be opened is refused at once (422); one that breaks part-way is found out by the import's job, so
  // the request was accepted (202) and the run ends unreadable
  it.each([
    ['an empty file', Buffer.alloc(0), '檔案是空的', 422],
    ['binary garbage', Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x10, 0x80, 0x81, 0x00]), '二進位', 422],
    ['a legacy .xls', legacyXls(), '.xls', 422],
    ['a CSV with a quote that never closes', Buffer.from('身分證字號,志工姓名\n"A123456789,王\n'), '引號未結束', 202],
    ['a Big5 file with a character Big5 cannot hold', Buffer.concat([Buffer.from('a,b\n'), Buffer.from([0xfa, 0x40, 0x2c, 0x31, 0x0a])]), '第 2 行', 422],
  ])('%s → recorded as unreadable', async (_name, bytes, text, status) => {
    const before = await registryState();
    const res = await postImport(server.url, localA, 'service_hours', { name: 'bad.csv', bytes }, { mode: 'valid_rows' });
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ status: 'unreadable', findings: [expect.objectContaining({ code: 'file.unreadable' })] });
    expect(res.body.message).toContain(text);
    expect(await registryState()).toEqual(before);
  });

  it('refuses a file over the size cap with 413', async () => {
    const res = await postImport(server.url, localA, 'service_hours', { name: 'huge.csv', bytes: Buffer.alloc(21 * 1024 * 1024, 0x61) }, { mode: 'dry_run' });
    expect(res.status).toBe(413);
    expect(res.body.error.message).toBe('檔案超過大小上限');
  });

  it('refuses an unknown kind, a bad mode and a missing file with 400', async () => {
    expect((await postImport(server.url, localA, 'members', { name: 'x.csv', bytes: Buffer.from('a\n1\n') })).status).toBe(400);
    expect((await postImport(server.url, localA, 'units', { name: 'x.csv', bytes: Buffer.from('a\n1\n') }, { mode: 'apply' })).status).toBe(400);
    expect((await postImport(server.url, localA, 'units', null, { mode: 'dry_run' })).status).toBe(400);
  });

  it('keeps hostile text inert: too long is cell.max_length, formulas are escaped in the report', async () => {
    const t = table('training', [
      { 身分證字號: testId('G', 1, 1), 志工姓名: '=HYPERLINK("http://evil","x")', 登錄單位: '社會局', 課程類型: '=1+2', 開課單位: 'x'.repeat(10_000), 受訓時數: '1', 課程名稱: '@SUM(A1)', 課程起始日期: '2025-01-01', 課程結束日期: '2025-01-01', 課程領域: 'C01' },
    ]);
    const res = await postImport(server.url, localA, 'training', { name: '=evil.csv', bytes: utf8Csv(t) }, { mode: 'valid_rows' });
    expect(res.body.findings.map((f: any) => [f.code, f.row, f.field])).toEqual([
      ['cell.enum', 1, '課程類型'],
      ['cell.max_length', 1, '開課單位'],
    ]);
    const report = await download(`${server.url}/api/registry/imports/${res.body.id}/report.xlsx`, localA);
    expect(report.status).toBe(200);
    expect(report.disposition).toContain(`import-${res.body.id}-training-report.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.bytes as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('檢查結果');
    expect(sheet?.getRow(1).values).toEqual([undefined, '列', '欄位', '代碼', '嚴重度', '說明', '應為', '實際']);
    expect(sheet?.getRow(2).values).toEqual([undefined, 1, '課程類型', 'cell.enum', '錯誤', '「課程類型」的內容「=1+2」不是可選的選項（基礎、特殊、在職、成長、其他）', '基礎、特殊、在職、成長、其他', "'=1+2"]);
    expect(wb.getWorksheet('摘要')?.getCell('B2').value).toBe("'=evil.csv");
    for (const r of [2, 3]) for (const c of [1, 2, 3, 4, 5, 6, 7]) expect(typeof sheet?.getRow(r).getCell(c).formula).toBe('undefined');
    // the same findings as CSV, text inert as in the XLSX
    const csv = await download(`${server.url}/api/registry/imports/${res.body.id}/report.csv`, localA);
    expect(csv.status).toBe(200);
    expect(csv.disposition).toContain(`import-${res.body.id}-training-report.csv`);
    const lines = csv.bytes.toString('utf8').split('\r\n');
    expect(lines[0]).toBe('\uFEFF"列","欄位","代碼","嚴重度","說明","應為","實際"');
    expect(lines[1]).toBe('1,"課程類型","cell.enum","錯誤","「課程類型」的內容「=1+2」不是可選的選項（基礎、特殊、在職、成長、其他）","基礎、特殊、在職、成長、其他","\'=1+2"');
    expect(lines).toHaveLength(4);
  });
});

describe('scope', () => {
  it('a local government sees only its own runs and registry', async () => {
    const mine = await call(`${server.url}/api/registry/imports`, localA);
    expect(mine.body.total).toBeGreaterThan(10);
    const other = await call(`${server.url}/api/registry/imports`, localB);
    expect(other.body).toEqual({ runs: [], total: 0 });
    const id = mine.body.runs[0].id;
    expect((await call(`${server.url}/api/registry/imports/${id}`, localB)).status).toBe(404);
    expect((await download(`${server.url}/api/registry/imports/${id}/report.xlsx`, localB)).status).toBe(404);
    expect((await call(`${server.url}/api/registry/units`, localB)).body.units).toEqual([]);
    expect((await call(`${server.url}/api/registry/units?org=${server.seed.localA.id}`, localB)).status).toBe(404);
    const squad = (await call(`${server.url}/api/registry/units`, localA)).body.units[0].id;
    expect((await call(`${server.url}/api/registry/eligibility?unit=${squad}`, localB)).status).toBe(404);
  });

  it('a local government cannot import into another one\'s union', async () => {
    const t = table('unions', [{ 工會名稱: '高雄市港區碼頭職業工會', 統一編號: server.seed.unionY.ubn }]);
    const res = await postImport(server.url, localA, 'unions', { name: 'u.csv', bytes: utf8Csv(t) }, { mode: 'valid_rows' });
    expect(res.body.findings).toEqual([expect.objectContaining({ code: 'recon.union_unknown', row: 1, field: '統一編號' })]);
    expect(res.body.counts).toMatchObject({ rejected: 1, inserted: 0 });
  });

  it('the ministry reads every registry (naming it) but cannot import; unions have no access', async () => {
    expect((await call(`${server.url}/api/registry/units`, ministry)).status).toBe(400);
    const units = await call(`${server.url}/api/registry/units?org=${server.seed.localA.id}`, ministry);
    expect(units.body.units.length).toBeGreaterThan(6);
    const runs = await call(`${server.url}/api/registry/imports`, ministry);
    expect(runs.body.total).toBeGreaterThan(10);
    // the console's list asks for the newest few (limit): the same runs, in the same order, and the same total
    const newest = await call(`${server.url}/api/registry/imports?limit=3`, ministry);
    expect([newest.body.total, newest.body.runs.map((r: { id: number }) => r.id)]).toEqual([runs.body.total, runs.body.runs.slice(0, 3).map((r: { id: number }) => r.id)]);
    const vols = await call(`${server.url}/api/registry/volunteers?org=${server.seed.localA.id}&q=劉`, ministry);
    expect(vols.body.volunteers.map((v: any) => [v.name, v.idNo.endsWith('*****')])).toEqual([['劉怡君', true]]);
    expect((await postImport(server.url, ministry, 'units', { name: 'x.csv', bytes: utf8Csv(unitsTable()) })).status).toBe(403);
    expect((await postImport(server.url, unionX, 'units', { name: 'x.csv', bytes: utf8Csv(unitsTable()) })).status).toBe(403);
    expect((await call(`${server.url}/api/registry/imports`, unionX)).status).toBe(403);
    expect((await call(`${server.url}/api/registry/unions`, localA)).body.unions.map((u: any) => [u.ubn, u.name, u.registered, u.profile?.membersTotal])).toEqual([
      [UNION_X_UBN, '臺中市港區裝卸職業工會', true, 385],
      [NEW_UBN, '臺中市港區工會聯合會', true, 12],
    ]);
    expect((await call(`${server.url}/api/registry/unions?org=${server.seed.localB.id}`, ministry)).body.unions).toEqual([
      { unionId: server.seed.unionY.id, ubn: server.seed.unionY.ubn, name: '高雄市港區碼頭職業工會', registered: false, profile: null },
    ]);
  });

  it('answers every registry endpoint by role: 401 without a session, 403 for a union, 404 for another jurisdiction\'s records', async () => {
    const runId = (await call(`${server.url}/api/registry/imports`, localA)).body.runs[0].id;
    const unitId = (await call(`${server.url}/api/registry/units`, localA)).body.units[0].id;
    const reads = [
      `/api/registry/imports`,
      `/api/registry/imports/${runId}`,
      `/api/registry/imports/${runId}/report.xlsx`,
      `/api/registry/imports/${runId}/report.csv`,
      `/api/registry/units`,
      `/api/registry/volunteers`,
      `/api/registry/unions`,
      `/api/registry/unions/${server.seed.unionX.id}/officers`,
      `/api/registry/eligibility`,
      `/api/registry/semiannual?year=114&half=1`,
    ];
    for (const path of reads) {
      expect([path, (await call(`${server.url}${path}`, null)).status]).toEqual([path, 401]);
      expect([path, (await call(`${server.url}${path}`, unionX)).status]).toEqual([path, 403]);
      expect([path, (await call(`${server.url}${path}`, localA)).status]).toEqual([path, 200]);
    }
    for (const path of [`/api/registry/imports/${runId}`, `/api/registry/imports/${runId}/report.xlsx`, `/api/registry/imports/${runId}/report.csv`, `/api/registry/unions/${server.seed.unionX.id}/officers`, `/api/registry/eligibility?unit=${unitId}`, `/api/registry/semiannual?year=114&half=1&unit=${unitId}`, `/api/registry/volunteers?unit=${unitId}`]) {
      expect([path, (await call(`${server.url}${path}`, localB)).status]).toEqual([path, 404]);
    }
    for (const path of ['/api/registry/units', '/api/registry/volunteers', '/api/registry/unions', `/api/registry/unions/${server.seed.unionX.id}/officers`, '/api/registry/eligibility', '/api/registry/semiannual?year=114&half=1']) {
      const sep = path.includes('?') ? '&' : '?';
      expect([path, (await call(`${server.url}${path}${sep}org=${server.seed.localA.id}`, localB)).status]).toEqual([path, 404]);
      expect([path, (await call(`${server.url}${path}${sep}org=${server.seed.localA.id}`, ministry)).status]).toEqual([path, 200]);
    }
    expect((await postImport(server.url, null, 'units', { name: 'x.csv', bytes: utf8Csv(unitsTable()) })).status).toBe(401);
  });

  it('documents the endpoints in the OpenAPI file', async () => {
    const doc = await call(`${server.url}/api/openapi.json`, null);
    for (const path of ['/api/registry/imports/{kind}', '/api/registry/imports', '/api/registry/imports/{id}', '/api/registry/imports/{id}/report.xlsx', '/api/registry/imports/{id}/report.csv', '/api/registry/units', '/api/registry/volunteers', '/api/registry/unions', '/api/registry/unions/{id}/officers', '/api/registry/eligibility', '/api/registry/semiannual']) {
      expect(Object.keys(doc.body.paths)).toContain(path);
    }
  });
});
