// A filing that gains reconciliation errors after another arrives — the late December book against an application
// already approved — is announced to those who hold it (union, local government, ministry), over real HTTP.
import { CASHBOOK_ENTRIES, type EntryRow } from '@portfund/shared-rules/src/testing/seed-examples';
import { call } from '../../testing/http';
import { startTestServer, type TestServer } from '../../testing/test-server';
import { FINAL_ACCOUNTS_116, spendWith } from './testing/final-accounts';
import { newUnion, recon, type FilingJson } from './testing/harness';

jest.setTimeout(300_000);

let server: TestServer;
let taichung: string;
let ministry: string;

beforeAll(async () => {
  server = await startTestServer();
  taichung = await server.login('taichung');
  ministry = await server.login('reviewer');
});
afterAll(() => server.close());

interface NotificationJson {
  kind: string;
  filingId: number | null;
  title: string;
  message: string;
}

const reconNotes = async (token: string, filing: FilingJson): Promise<NotificationJson[]> => {
  const res = await call<{ notifications: NotificationJson[] }>(`${server.url}/api/notifications?limit=200`, token);
  expect(res.status).toBe(200);
  return res.body.notifications.filter((n) => n.kind === 'recon' && n.filingId === filing.id);
};

/** Organisations told about a filing, from the table itself (the union has no user in these scenarios). */
const toldOrganisations = async (filing: FilingJson): Promise<number[]> =>
  (await server.db('notifications').where({ filing_id: filing.id, kind: 'recon' }).orderBy('organization_id').select<{ organization_id: number }[]>('organization_id')).map(
    (r) => r.organization_id,
  );

const decide = async (token: string, filing: FilingJson, decision: string, lockVersion: number): Promise<void> => {
  // the filings here may carry errors on purpose: approving them is acknowledged (routes/reviews.test.ts tests the refusal)
  const res = await call(`${server.url}/api/filings/${filing.id}/review`, token, 'POST', { decision, opinion: '', lockVersion, acknowledgeErrors: true });
  expect(res.status).toBe(200);
};

const unionId = async (ubn: string): Promise<number> => Number((await server.db('organizations').where('ubn', ubn).first<{ id: number }>('id')).id);

describe('recon alerts', () => {
  it('tells the union, the local government and the ministry when an approved 決算 stops agreeing with a late December book, once', async () => {
    const union = await newUnion(server, taichung);
    const application = await union.application(116, { ...FINAL_ACCOUNTS_116, fa_spend: spendWith(0, 1, 190000) });
    await decide(taichung, application, 'accept', 0);
    await decide(taichung, application, 'approve', 1);
    await decide(ministry, application, 'approve', 2);
    expect(await toldOrganisations(application)).toEqual([]);

    await union.cashbook(115, 4);
    expect(recon(await union.reload(application), 'recon.cashbook_vs_final_accounts')).toHaveLength(1);
    expect(await toldOrganisations(application)).toEqual([server.seed.ministry.id, server.seed.localA.id, await unionId(union.ubn)].sort((a, b) => a - b));
    const [forLocal] = await reconNotes(taichung, application);
    expect(forLocal).toMatchObject({ title: expect.stringContaining('勾稽發現新錯誤') });
    expect(forLocal?.message).toContain('116 年度福利專款申請書（第 1 版）（核准）');
    expect(forLocal?.message).toContain('115 年第 4 季現金收支登記簿（第 1 版）上傳後出現 1 項新的勾稽錯誤');
    expect(await reconNotes(ministry, application)).toHaveLength(1);

    // a second version of the December book (one description reworded) with the same difference raises nothing new
    const reworded = CASHBOOK_ENTRIES.map((e): EntryRow => (e[7] === '辦公文具' ? [...e.slice(0, 7), '辦公文具（影印紙）', ...e.slice(8)] as EntryRow : e));
    expect((await union.cashbook(115, 4, {}, reworded)).version).toBe(2);
    expect(await toldOrganisations(application)).toHaveLength(3);
  });

  it('tells again when a second entry of the previous quarter goes missing, though both findings point at the same area', async () => {
    const union = await newUnion(server, taichung);
    const september = await union.cashbook(115, 3);
    expect(recon(september, 'recon.history_changed')).toEqual([]);
    const june = CASHBOOK_ENTRIES.filter((e) => e[0] <= 6);
    const interest = (voucher: number, amount: number): EntryRow => [6, 30, '收', String(voucher), '年度收入', '3', undefined, '活期利息', amount, '利息收入', '專戶存款1'];

    // the June book (filed after September's) holds an entry the September book lacks, then a second one
    await union.cashbook(115, 2, {}, [...june, interest(90, 12)]);
    const once = recon(await union.reload(september), 'recon.history_changed');
    expect(once).toHaveLength(1);
    expect(await toldOrganisations(september)).toHaveLength(1);

    await union.cashbook(115, 2, {}, [...june, interest(90, 12), interest(91, 13)]);
    const twice = recon(await union.reload(september), 'recon.history_changed');
    expect(twice).toHaveLength(2);
    expect(new Set(twice.map((f) => `${f.sheet}!${f.cell}`)).size).toBe(1);
    expect(await toldOrganisations(september)).toHaveLength(2);
  });

  it('tells only the union while its filing waits for the local government, and nobody when the books agree', async () => {
    const waiting = await newUnion(server, taichung);
    const application = await waiting.application(116, { ...FINAL_ACCOUNTS_116, fa_spend: spendWith(0, 1, 190000) });
    await waiting.cashbook(115, 4);
    expect(await toldOrganisations(application)).toEqual([await unionId(waiting.ubn)]);
    expect(await reconNotes(taichung, application)).toEqual([]);

    const agreeing = await newUnion(server, taichung);
    const clean = await agreeing.application(116, FINAL_ACCOUNTS_116);
    await decide(taichung, clean, 'accept', 0);
    await agreeing.cashbook(115, 4);
    expect(recon(await agreeing.reload(clean), 'recon.cashbook_vs_final_accounts')).toEqual([]);
    expect(await toldOrganisations(clean)).toEqual([]);
  });
});
