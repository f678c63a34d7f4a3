// Uploads over real HTTP with real generated workbooks: findings, idempotency, versions, hostile files, downloads,
// per-file answers of a multi-file upload, values no column can hold, hostile file names.
import { createHash } from 'node:crypto';
import { checkFileBytes } from '../workbook/check/check-file';
import { legacyXls, textFileNamedXlsx, zipBomb } from '../workbook/testing/hostile-files';
import { call, multipartBody, rawPost, upload } from '../testing/http';
import { startTestServer, type TestServer, UNION_X_UBN, UNION_Y_UBN } from '../testing/test-server';
import { applicationBytes, applicationName, CASHBOOK_ENTRIES, cashbookBytes, cashbookName, cashbookVariantBytes } from '../testing/workbooks';

let server: TestServer;
const logged: { message: string; error: unknown }[] = [];
let unionX: string;
let localA: string;
let localB: string;
let ministry: string;

beforeAll(async () => {
  server = await startTestServer({ log: (message, error) => logged.push({ message, error }) });
  unionX = await server.login('union-x');
  localA = await server.login('taichung');
  localB = await server.login('kaohsiung');
  ministry = await server.login('reviewer');
});
afterAll(() => server.close());

describe('POST /api/filings', () => {
  it('files a clean December cash book as version 1 with no findings, and the same bytes again answer 200 with the same filing', async () => {
    const bytes = await cashbookBytes(4);
    const first = await upload(server.url, unionX, [{ name: cashbookName(115, 4, UNION_X_UBN), bytes }]);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ kind: 'cashbook', ubn: UNION_X_UBN, year: 115, quarter: 4, version: 1, status: 'submitted', summary: { errors: 0, warnings: 0 } });
    const again = await upload(server.url, localA, [{ name: 'renamed.xlsx', bytes }]);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
  });

  it('files a changed workbook for the same period as the next version, keeping the first', async () => {
    const v1 = await upload(server.url, unionX, [{ name: applicationName(115, UNION_X_UBN), bytes: await applicationBytes() }]);
    const v2 = await upload(server.url, unionX, [{ name: applicationName(115, UNION_X_UBN), bytes: await applicationBytes({ app_contact: '王小明' }) }]);
    expect([v1.status, v2.status]).toEqual([201, 201]);
    expect(v2.body.version).toBe(v1.body.version + 1);
    // version 1 was still waiting for a reviewer: version 2 closed it as superseded, listed only when asked for
    const list = await call(`${server.url}/api/filings?kind=application&year=115&superseded=1`, unionX);
    expect(list.body.filings.map((f: { version: number; status: string }) => [f.version, f.status]).sort()).toEqual([
      [1, 'superseded'],
      [2, 'submitted'],
    ]);
    const current = await call(`${server.url}/api/filings?kind=application&year=115`, unionX);
    expect(current.body.filings.map((f: { version: number }) => f.version)).toEqual([2]);
  });

  it('answers a workbook with mistakes with its findings at the right cells', async () => {
    const bytes = await cashbookBytes(1, { cb_open_petty: '５７９０４' });
    const res = await upload(server.url, unionX, [{ name: cashbookName(115, 1, UNION_X_UBN), bytes }]);
    expect(res.status).toBe(201);
    expect(res.body.findings).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'cell.fullwidth', sheet: '現金收支登記簿', cell: 'C11', source: 'check' })]),
    );
    expect(res.body.summary.errors).toBeGreaterThan(0);
    const stored = await call(`${server.url}/api/filings/${res.body.id}`, unionX);
    expect(stored.body.findings).toEqual(res.body.findings);
  });

  it('refuses a hostile file with 422 and its finding, and stays healthy', async () => {
    for (const [name, bytes] of [
      ['bomb.xlsx', zipBomb()],
      ['old.xlsx', legacyXls()],
      ['notes.xlsx', textFileNamedXlsx()],
    ] as const) {
      const res = await upload(server.url, unionX, [{ name, bytes }]);
      expect(res.status).toBe(422);
      expect(res.body.findings[0]).toMatchObject({ code: 'file.unreadable', severity: 'error' });
    }
    expect((await call(`${server.url}/api/health`, null)).status).toBe(200);
  });

  it('refuses a workbook of a union outside the uploader\'s jurisdiction', async () => {
    const bytes = await cashbookBytes(1, { cb_ubn: UNION_Y_UBN });
    const res = await upload(server.url, localA, [{ name: cashbookName(115, 1, UNION_Y_UBN), bytes }]);
    expect(res.status).toBe(422);
    expect(res.body.findings[0]).toMatchObject({ code: 'recon.union_unknown' });
    const byKaohsiung = await upload(server.url, localB, [{ name: cashbookName(115, 1, UNION_Y_UBN), bytes }]);
    expect(byKaohsiung.status).toBe(201);
  });

  it('answers several files in one request one by one', async () => {
    const res = await upload(server.url, localA, [
      { name: cashbookName(115, 2, UNION_X_UBN), bytes: await cashbookBytes(2) },
      { name: 'x.xlsx', bytes: legacyXls() },
    ]);
    expect(res.status).toBe(207);
    expect(res.body.results.map((r: { httpStatus: number }) => r.httpStatus)).toEqual([201, 422]);
  });

  it('answers each file of a multi-file upload on its own even when one fails unexpectedly, keeping the others', async () => {
    // a database fault for one file only: the filing insert of a file named boom.xlsx raises
    await server.db.raw(`CREATE FUNCTION refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.file_name = 'boom.xlsx' THEN RAISE EXCEPTION 'injected fault'; END IF; RETURN NEW; END $$`);
    await server.db.raw('CREATE TRIGGER refuse_boom BEFORE INSERT ON filings FOR EACH ROW EXECUTE FUNCTION refuse_boom()');
    try {
      const res = await upload(server.url, unionX, [
        { name: cashbookName(115, 1, UNION_X_UBN), bytes: await cashbookVariantBytes(1, 'MF-1') },
        { name: 'boom.xlsx', bytes: await cashbookVariantBytes(1, 'MF-2') },
        { name: cashbookName(115, 1, UNION_X_UBN), bytes: await cashbookVariantBytes(1, 'MF-3') },
      ]);
      expect(res.status).toBe(207);
      expect(res.body.results.map((r: { httpStatus: number }) => r.httpStatus)).toEqual([201, 500, 201]);
      expect(res.body.results[1]).toMatchObject({ file: 'boom.xlsx', error: { code: 'file_failed' } });
      expect(res.body.results[1].error.message).toContain('其他檔案不受影響');
      // the two good files are filed and can be read back; the failed one left nothing behind
      for (const r of [res.body.results[0], res.body.results[2]]) expect((await call(`${server.url}/api/filings/${r.id}`, unionX)).status).toBe(200);
      expect(await server.db('filings').where('file_name', 'boom.xlsx').first()).toBeUndefined();
      expect(logged.map((l) => l.message)).toContain('upload of "boom.xlsx" failed');
    } finally {
      await server.db.raw('DROP TRIGGER refuse_boom ON filings');
      await server.db.raw('DROP FUNCTION refuse_boom()');
    }
  });

  it('files a cash book whose amounts no column can hold: the finding stays, the value is stored as NULL', async () => {
    for (const [tag, amount] of [
      ['1e20', 1e20],
      ['21 digits', '123456789012345678901'],
    ] as const) {
      const entries = CASHBOOK_ENTRIES.map((e, i) => (i === 2 ? [...e.slice(0, 8), amount, ...e.slice(9)] : [...e])) as unknown as typeof CASHBOOK_ENTRIES;
      const res = await upload(server.url, unionX, [{ name: cashbookName(115, 1, UNION_X_UBN), bytes: await cashbookBytes(1, {}, entries) }]);
      expect({ tag, status: res.status }).toEqual({ tag, status: 201 });
      expect(res.body.findings.map((f: { code: string }) => f.code)).toContain('cell.max_digits');
      const entry = await server.db('ledger_entries').where({ filing_id: res.body.id, seq: 3 }).first<{ amount: string | null; voucher: string }>();
      expect(entry).toMatchObject({ amount: null, voucher: '3' });
      // the untouched first entry is stored as usual
      expect(await server.db('ledger_entries').where({ filing_id: res.body.id, seq: 1 }).first('amount')).toEqual({ amount: '467000' });
    }
  });

  it('keeps only the visible name of a file name with control characters or directories', async () => {
    const bytes = await cashbookVariantBytes(3, 'NAME-1');
    // percent-encoded (RFC 5987), NUL and escape characters reach the server decoded
    const encoded = multipartBody([{ filename: '..\\..\\evil/11509_\u0000\u0007accounting\u001b.xlsx', bytes, encoded: true }]);
    const res = await rawPost(`${server.url}/api/filings`, unionX, encoded.body, encoded.contentType);
    expect(res.status).toBe(201);
    expect(res.body.fileName).toBe('11509_accounting.xlsx');
    const file = await fetch(`${server.url}/api/filings/${res.body.id}/file`, { headers: { authorization: `Bearer ${unionX}` } });
    expect(file.headers.get('content-disposition')).toContain('filename="11509_accounting.xlsx"');
    // a raw NUL inside the part header is not a well-formed form at all
    const raw = multipartBody([{ filename: '11509_\u0000accounting.xlsx', bytes }]);
    expect((await rawPost(`${server.url}/api/filings`, unionX, raw.body, raw.contentType)).status).toBe(400);
  });

  it('answers 404 when a filing\'s stored file is missing', async () => {
    const res = await upload(server.url, unionX, [{ name: cashbookName(115, 3, UNION_X_UBN), bytes: await cashbookVariantBytes(3, 'GONE-1') }]);
    await server.db('filing_files').where('filing_id', res.body.id).delete();
    const file = await call(`${server.url}/api/filings/${res.body.id}/file`, unionX);
    expect(file.status).toBe(404);
    expect(file.body.error.message).toContain('原始檔案');
  });

  it('gives everyone in scope a clean copy that re-checks the same, and no one else', async () => {
    // edited in its XML after generation (as by a zip tool), with a finding: full-width digits in a 傳票序號
    const bytes = await cashbookVariantBytes(3, '１２３４');
    const name = cashbookName(115, 3, UNION_X_UBN);
    const res = await upload(server.url, unionX, [{ name, bytes }]);
    const file = await fetch(`${server.url}/api/filings/${res.body.id}/file`, { headers: { authorization: `Bearer ${ministry}` } });
    expect(file.status).toBe(200);
    const clean = Buffer.from(await file.arrayBuffer());
    // a fresh template, not the uploaded bytes — with the same findings at the same cells
    expect(clean.equals(bytes)).toBe(false);
    const placed = (f: { code: string; sheet?: string; cell?: string; params: unknown }) => [f.code, f.sheet, f.cell, f.params];
    const [before, after] = await Promise.all([checkFileBytes(bytes, name), checkFileBytes(clean, name)]);
    expect(before.findings.length).toBeGreaterThan(0);
    expect(after.findings.map(placed)).toEqual(before.findings.map(placed));
    expect(file.headers.get('content-disposition')).toContain('accounting.xlsx');
    const other = await call(`${server.url}/api/filings/${res.body.id}/file`, localB);
    expect(other.status).toBe(404);
  });

  it('gives the uploaded bytes only to a ministry administrator who confirms with their SHA-256, and records it', async () => {
    const bytes = await cashbookVariantBytes(3, 'ORIG-1');
    const res = await upload(server.url, unionX, [{ name: cashbookName(115, 3, UNION_X_UBN), bytes }]);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const url = `${server.url}/api/filings/${res.body.id}/original`;
    const admin = await server.login('admin');
    for (const token of [unionX, localA, ministry]) expect((await call(url, token, 'POST', { confirm: sha256 })).status).toBe(403);
    const unconfirmed = await call(url, admin, 'POST', {});
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.body.error.message).toContain(sha256);
    expect((await call(url, admin, 'POST', { confirm: '0'.repeat(64) })).status).toBe(400);
    const before = Number(((await server.db('original_downloads').where('filing_id', res.body.id).count('* as n')) as [{ n: string }])[0].n);
    expect(before).toBe(0);
    const original = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: JSON.stringify({ confirm: sha256 }) });
    expect(original.status).toBe(200);
    expect(Buffer.from(await original.arrayBuffer()).equals(bytes)).toBe(true);
    const logged = await server.db('original_downloads').where('filing_id', res.body.id).select('user_id', 'sha256');
    expect(logged).toEqual([{ user_id: server.seed.users.admin.id, sha256 }]);
    // the audit trail is append-only
    await expect(server.db('original_downloads').where('filing_id', res.body.id).delete()).rejects.toThrow('append-only');
  });

  it('requires a signed-in union or local government', async () => {
    const bytes = await cashbookBytes(1);
    expect((await upload(server.url, null, [{ name: 'a.xlsx', bytes }])).status).toBe(401);
    expect((await upload(server.url, ministry, [{ name: 'a.xlsx', bytes }])).status).toBe(403);
  });
});

describe('GET /api/filings', () => {
  // the console's list asks page by page (limit, offset), with old versions (superseded) or for one union (ubn)
  it('pages through the filings in scope in a stable order, each page with the same total', async () => {
    type Page = { filings: { id: number; ubn: string; status: string }[]; total: number };
    const all = await call<Page>(`${server.url}/api/filings?limit=500&superseded=1`, ministry);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(all.body.filings.length);
    expect(all.body.filings.some((f) => f.status === 'superseded')).toBe(true);
    const paged: number[] = [];
    for (let offset = 0; offset < all.body.total + 2; offset += 2) {
      const page = await call<Page>(`${server.url}/api/filings?limit=2&offset=${offset}&superseded=1`, ministry);
      expect([page.status, page.body.total, page.body.filings.length]).toEqual([200, all.body.total, Math.min(2, Math.max(0, all.body.total - offset))]);
      paged.push(...page.body.filings.map((f) => f.id));
    }
    expect(paged).toEqual(all.body.filings.map((f) => f.id));
    // without superseded, old versions are left out of the pages and of the total
    const current = await call<Page>(`${server.url}/api/filings?limit=1&offset=0`, ministry);
    expect(current.body.total).toBe(all.body.filings.filter((f) => f.status !== 'superseded').length);
    // one union's filings, and a local government sees none of another's
    const ofX = await call<Page>(`${server.url}/api/filings?limit=50&ubn=${UNION_X_UBN}`, localA);
    expect(ofX.body.filings.map((f) => f.id)).toEqual(all.body.filings.filter((f) => f.ubn === UNION_X_UBN && f.status !== 'superseded').map((f) => f.id));
    expect(ofX.body.total).toBeGreaterThan(0);
    const outside = await call<Page>(`${server.url}/api/filings?limit=50&ubn=${UNION_X_UBN}`, localB);
    expect([outside.status, outside.body.total, outside.body.filings]).toEqual([200, 0, []]);
  });
});
