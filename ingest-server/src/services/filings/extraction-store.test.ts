// The extraction store's last guards, on the real database: text holding U+0000 (which PostgreSQL text refuses) is stored
// without it, and amounts, hours and counts no column can hold are stored as NULL (a summary holding one is left out).
import { extractWorkbook, type CashbookData, type ApplicationData } from '@portfund/shared-rules';
import { upload } from '../../testing/http';
import { startTestServer, type TestServer, UNION_X_UBN } from '../../testing/test-server';
import { applicationBytes, applicationName, cashbookBytes, cashbookName } from '../../testing/workbooks';
import { checkFileBytes } from '../../workbook/check/check-file';
import { storeExtraction } from './extraction-store';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** A real workbook filed over HTTP, its extracted data, and its stored extraction removed so it can be stored again. */
const filedAndExtracted = async (name: string, bytes: Buffer): Promise<{ id: number; data: NonNullable<ReturnType<typeof extractWorkbook>> }> => {
  const token = await server.login('union-x');
  const filed = await upload(server.url, token, [{ name, bytes }]);
  expect(filed.status).toBe(201);
  const checked = await checkFileBytes(bytes, name);
  const data = checked.snapshot === undefined ? null : extractWorkbook(checked.snapshot);
  if (data === null) throw new Error('the generated workbook could not be extracted');
  const id = filed.body.id as number;
  for (const table of ['ledger_entries', 'cashbook_summaries', 'cashbook_spend', 'application_figures', 'training_sessions', 'roster_members']) {
    await server.db(table).where('filing_id', id).delete();
  }
  return { id, data };
};

const HUGE = '100000000000000000000';

it('stores a cash book with NUL in its text and amounts beyond numeric(15,0)', async () => {
  const { id, data } = await filedAndExtracted(cashbookName(115, 1, UNION_X_UBN), await cashbookBytes(1));
  const book = data as CashbookData;
  const hostile: CashbookData = {
    ...book,
    entries: book.entries.map((e, i) => (i === 0 ? { ...e, note: '分配\u0000款', voucher: '\u00001', amount: HUGE } : e)),
    opening: { ...book.opening, 專戶存款1: `-${HUGE}` },
  };
  await server.db.transaction((trx) => storeExtraction(trx, id, hostile));
  const first = await server.db('ledger_entries').where({ filing_id: id, seq: 1 }).first<{ note: string; voucher: string; amount: string | null }>();
  expect(first).toMatchObject({ note: '分配款', voucher: '1', amount: null });
  expect(Number((await server.db('ledger_entries').where({ filing_id: id }).count<{ count: string | number }[]>('* as count'))[0]?.count)).toBe(book.entries.length);
  // the opening balance cannot be stored: no summary row (reports show the book's balances as unknown)
  expect(await server.db('cashbook_summaries').where('filing_id', id).first()).toBeUndefined();
});

it('stores an application whose figures, hours and counts do not fit as NULL', async () => {
  const { id, data } = await filedAndExtracted(applicationName(115, UNION_X_UBN), await applicationBytes());
  const app = data as ApplicationData;
  expect(app.sessions.length).toBeGreaterThan(0);
  const hostile: ApplicationData = {
    ...app,
    figures: app.figures.map((f, i) => (i === 0 ? { ...f, amount: HUGE, text: 'a\u0000b' } : f)),
    sessions: app.sessions.map((s, i) => (i === 0 ? { ...s, hours: '123456', male: 1e12, title: '課\u0000程' } : s)),
  };
  await server.db.transaction((trx) => storeExtraction(trx, id, hostile));
  const figure = app.figures[0];
  const storedFigure = await server.db('application_figures').where({ filing_id: id, section: figure?.section, item: figure?.item, col: figure?.col }).first();
  expect(storedFigure).toMatchObject({ amount: null, text_value: 'ab' });
  const session = await server.db('training_sessions').where({ filing_id: id, seq: app.sessions[0]?.seq }).first();
  expect(session).toMatchObject({ hours: null, male: null, title: '課程' });
});
