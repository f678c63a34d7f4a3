// Registry and per-member checks over real HTTP: the union's registered name, 教育訓練 below 40 % two years running,
// and the 會員福利 cap per roster member (the cash book re-checked when the application arrives).
import { APPLICATION_EXAMPLE, CASHBOOK_ENTRIES, makeRoster, type EntryRow } from '@portfund/shared-rules/src/testing/seed-examples';
import { startTestServer, type TestServer } from '../../testing/test-server';
import { newUnion, recon } from './testing/harness';

jest.setTimeout(240_000);

let server: TestServer;
let taichung: string;

beforeAll(async () => {
  server = await startTestServer();
  taichung = await server.login('taichung');
});
afterAll(() => server.close());

/** APPLICATION_EXAMPLE's fa_spend with 教育訓練 分配款 set. */
const educationSpend = (amount: number): unknown[][] =>
  (APPLICATION_EXAMPLE.fa_spend as unknown[][]).map((r, i) => (i === 0 ? [r[0], amount, r[2]] : [...r]));

describe('recon.union_name_mismatch', () => {
  it('ignores spacing and full-width forms, warns about a different name in either workbook at its name cell', async () => {
    const union = await newUnion(server, taichung);
    const spaced = await union.cashbook(115, 1, { cb_union_name: '臺中市　港區裝卸 職業工會' });
    expect(recon(spaced)).toEqual([]);
    const other = await union.cashbook(115, 1, { cb_union_name: '臺中港區裝卸職業工會' });
    expect(recon(other)).toEqual([
      expect.objectContaining({
        code: 'recon.union_name_mismatch',
        severity: 'warning',
        sheet: '現金收支登記簿',
        cell: 'C3',
        message: '工會名稱為「臺中港區裝卸職業工會」，工會基本資料為「臺中市港區裝卸職業工會」',
      }),
    ]);
    expect(other.summary.warnings).toBeGreaterThanOrEqual(1);
    const application = await union.application(115, { app_union_name: '臺中港區裝卸職業工會' });
    expect(recon(application)).toEqual([expect.objectContaining({ code: 'recon.union_name_mismatch', sheet: '申請書', cell: 'B4', field: 'app_union_name' })]);
  });
});

describe('recon.education_two_years', () => {
  it('flags the second year below 40 % (次1年度不予分配) and not a year that recovered', async () => {
    const union = await newUnion(server, taichung);
    const first = await union.application(115, { fa_spend: educationSpend(150000) });
    expect(recon(first, 'recon.education_two_years')).toEqual([]);
    const second = await union.application(116, { fa_spend: educationSpend(180000) });
    expect(recon(second, 'recon.education_two_years')).toEqual([
      expect.objectContaining({
        severity: 'error',
        sheet: '決算',
        cell: 'C13',
        message: '114、115 年度教育訓練比率分別為 32.12%、38.544%，連續 2 年未達 40%，次 1 年度不予分配',
      }),
    ]);
    const recovered = await union.application(116, { fa_spend: educationSpend(193700) });
    expect(recon(recovered, 'recon.education_two_years')).toEqual([]);
  });
});

describe('ledger.person_cap for 會員福利', () => {
  const member = String(makeRoster(1)[0]?.[1]);
  const welfare = (month: number, day: number, voucher: string, note: string, amount: number): EntryRow => [
    month,
    day,
    '支',
    voucher,
    '5、會員福利',
    '5-2',
    undefined,
    note,
    amount,
    '分配款',
    '專戶存款1',
  ];
  // April 25 after the 4/19 entry, May 20 after the two 5/18 entries: rows 20 and 23 of the June book
  const entries = [
    ...CASHBOOK_ENTRIES.slice(0, 6),
    welfare(4, 25, '21', member, 6000),
    ...CASHBOOK_ENTRIES.slice(6, 8),
    // the same member with the event in full-width brackets: grouped as the workbook's caps group names (shared-rules personName)
    welfare(5, 20, '22', `${member}\u3000（結婚）`, 5000),
    welfare(5, 21, '23', '會員聯誼餐會', 9000),
    welfare(5, 22, '24', '會員聯誼餐會', 9000),
    ...CASHBOOK_ENTRIES.slice(8),
  ];

  it('sums 5-x per roster member of the same year and re-checks the book when the application arrives', async () => {
    const union = await newUnion(server, taichung);
    const june = await union.cashbook(115, 2, {}, entries);
    expect(recon(june)).toEqual([]);
    expect(june.findings.filter((f) => f.code === 'ledger.person_cap')).toEqual([]);
    const application = await union.application(115);
    expect(recon(application)).toEqual([]);
    const rechecked = await union.reload(june);
    expect(recon(rechecked)).toEqual([
      expect.objectContaining({
        code: 'ledger.person_cap',
        severity: 'error',
        source: 'recon',
        sheet: '現金收支登記簿',
        cell: 'I23',
        message: `「${member}」本年度福利金合計 11,000，超過每名上限 10,000`,
        expected: '10000',
        actual: '11000',
      }),
    ]);
  });
});
