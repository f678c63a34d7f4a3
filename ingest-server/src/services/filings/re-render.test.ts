// Stored findings re-render (issue 12): a finding is stored as code + params, so a catalogue message or a sub-code
// text changed after it was stored reaches it when it is read back through the API.
import { CATALOGUE, makeFinding, TEXTS, type CatalogueEntry, type Finding, type TextTemplate } from '@portfund/shared-rules';
import { call, upload } from '../../testing/http';
import { startTestServer, type TestServer, UNION_X_UBN } from '../../testing/test-server';
import { cashbookBytes, cashbookName } from '../../testing/workbooks';
import { insertFindings } from './findings-store';

let server: TestServer;
let unionX: string;

beforeAll(async () => {
  server = await startTestServer();
  unionX = await server.login('union-x');
});
afterAll(() => server.close());

/** Runs `read` with one catalogue message (or sub-code text) changed, as a wording fix would change it, then restores it. */
const withWording = async <T>(change: { code?: string; message?: string; text?: string; template?: TextTemplate }, read: () => Promise<T>): Promise<T> => {
  const catalogue = CATALOGUE as Record<string, CatalogueEntry>;
  const texts = TEXTS as Record<string, TextTemplate>;
  const entry = change.code === undefined ? undefined : catalogue[change.code];
  const text = change.text === undefined ? undefined : texts[change.text];
  if (change.code !== undefined && entry !== undefined && change.message !== undefined) catalogue[change.code] = { ...entry, message: change.message };
  if (change.text !== undefined && change.template !== undefined) texts[change.text] = change.template;
  try {
    return await read();
  } finally {
    if (change.code !== undefined && entry !== undefined) catalogue[change.code] = entry;
    if (change.text !== undefined && text !== undefined) texts[change.text] = text;
  }
};

/** The first finding of a filing with the code (and cell), as the API shows it now. */
const shown = async (filingId: number, code: string, cell?: string): Promise<Shown | undefined> =>
  ((await call(`${server.url}/api/filings/${filingId}`, unionX)).body.findings as Shown[]).find((f) => f.code === code && (cell === undefined || f.cell === cell));

/** Stores a finding with a new filing of the quarter; answers how to read it back through the API. */
const storedWith = async (quarter: 2 | 3, source: 'check' | 'recon', finding: Finding): Promise<() => Promise<Shown | undefined>> => {
  const res = await upload(server.url, unionX, [{ name: cashbookName(115, quarter, UNION_X_UBN), bytes: await cashbookBytes(quarter) }]);
  await server.db.transaction((trx) => insertFindings(trx, res.body.id, source, [finding]));
  return () => shown(res.body.id, finding.code);
};

interface Shown {
  readonly code: string;
  readonly cell?: string;
  readonly message: string;
  readonly params: Record<string, unknown>;
}

describe('a stored finding read back after a wording fix', () => {
  it('shows the new catalogue message with the values it was stored with', async () => {
    const res = await upload(server.url, unionX, [{ name: cashbookName(115, 1, UNION_X_UBN), bytes: await cashbookBytes(1, { cb_open_petty: '５７９０４' }) }]);
    expect(res.status).toBe(201);
    const read = (): Promise<Shown | undefined> => shown(res.body.id, 'cell.fullwidth', 'C11');
    const before = await read();
    expect(before?.message).toBe('「上年度結存 零用金」含全形字元「５７９０４」，請改為半形「57904」');
    const after = await withWording({ code: 'cell.fullwidth', message: '「{label}」有全形數字「{actual}」，請改填「{suggestion}」' }, read);
    expect(after?.message).toBe('「上年度結存 零用金」有全形數字「５７９０４」，請改填「57904」');
    expect(after?.params).toEqual(before?.params);
    expect((await read())?.message).toBe(before?.message);
  });

  it('shows a changed sub-code text inside the message (a reason is stored as its code)', async () => {
    const finding = makeFinding('date.roc_invalid', { sheet: '現金收支登記簿', cell: 'C3' }, { label: '成立日期', actual: '840301', reason: 'date.leading_zero', fixed: '0840301' });
    const read = await storedWith(2, 'check', finding);
    expect((await read())?.message).toBe('「成立日期」填寫的「840301」不是有效的日期：前導 0 被 Excel 去除，請將儲存格設為文字並輸入 0840301');
    const after = await withWording({ text: 'date.leading_zero', template: 'Excel 去掉了開頭的 0，請輸入 {fixed}' }, read);
    expect(after?.message).toBe('「成立日期」填寫的「840301」不是有效的日期：Excel 去掉了開頭的 0，請輸入 0840301');
    expect(after?.params).toMatchObject({ reason: 'date.leading_zero', fixed: '0840301' });
  });

  it('shows a reconciliation finding in the new wording of its change (stored as sub-codes, as the rules store theirs)', async () => {
    const finding = makeFinding(
      'recon.history_changed',
      { sheet: '現金收支登記簿', field: 'cb_entries' },
      { prevQuarter: 2, change: 'history.removed', entry: 'history.entry', entryMonth: 4, entryDay: 19, entryVoucher: '6', entryZi: '支', entryNo: '3-2-1', entryAmount: '2,000' },
    );
    const read = await storedWith(3, 'recon', finding);
    expect((await read())?.message).toBe('與第 2 季已申報資料比較，已申報的收支被刪除：4月19日 傳票「6」支 3-2-1 金額 2,000。已申報期間的收支須與前季申報相同，漏記或更正請以本季日期另立分錄並說明');
    const after = await withWording({ text: 'history.removed', template: '前季申報的一筆收支不見了' }, read);
    expect(after?.message).toBe('與第 2 季已申報資料比較，前季申報的一筆收支不見了：4月19日 傳票「6」支 3-2-1 金額 2,000。已申報期間的收支須與前季申報相同，漏記或更正請以本季日期另立分錄並說明');
    expect(after?.params).toMatchObject({ change: 'history.removed', entryVoucher: '6' });
  });
});
