// The hostile corpus uploaded over real HTTP (one server for the file): every kind is refused with 422 and one
// file.unreadable finding carrying its reason sub-code, nothing is filed, and the server stays healthy. A cash book
// whose cb_entries is redefined as a whole sheet is refused before a table is built, so an ordinary upload sent at the
// same time is answered after it, not after a minute of the only check worker.
import { HOSTILE_CORPUS, type Templates } from '../workbook/testing/hostile-corpus';
import { call, upload } from '../testing/http';
import { applicationBytes, cashbookBytes, cashbookName, cashbookVariantBytes } from '../testing/workbooks';
import { startTestServer, type TestServer, UNION_X_UBN } from '../testing/test-server';

let server: TestServer;
let unionX: string;
let templates: Templates;

beforeAll(async () => {
  server = await startTestServer();
  unionX = await server.login('union-x');
  templates = { application: await applicationBytes(), cashbook: await cashbookBytes(4) };
}, 120_000);
afterAll(() => server.close());

interface Refused {
  readonly findings: readonly { code: string; severity: string; message: string; params: { reason?: string } }[];
}

describe('the hostile corpus over HTTP', () => {
  it('has at least 100 kinds across every family, each named once', () => {
    expect(HOSTILE_CORPUS.length).toBeGreaterThanOrEqual(100);
    expect(new Set(HOSTILE_CORPUS.map((k) => k.name)).size).toBe(HOSTILE_CORPUS.length);
    expect(new Set(HOSTILE_CORPUS.map((k) => k.family))).toEqual(new Set(['formats', 'zip', 'parts', 'relationships', 'encodings', 'xml', 'formulas', 'names', 'sizes']));
  });

  it('refuses every kind with 422 and its reason, files nothing and stays healthy', async () => {
    const answers: string[] = [];
    for (const kind of HOSTILE_CORPUS) {
      const res = await upload<Refused>(server.url, unionX, [{ name: kind.name, bytes: kind.make(templates) }]);
      const finding = res.body.findings?.[0];
      answers.push(`${kind.name} ${res.status} ${res.body.findings?.length ?? 0} ${finding?.code ?? '-'} ${finding?.params.reason ?? '-'}`);
    }
    expect(answers).toEqual(HOSTILE_CORPUS.map((k) => `${k.name} 422 1 file.unreadable ${k.reason}`));
    expect(await server.db('filings').count<{ count: string }[]>('* as count').then((r) => Number(r[0]?.count))).toBe(0);
    expect((await call(`${server.url}/api/health`, null)).status).toBe(200);
  }, 300_000);

  it('names the part, relationship or cell of active content', async () => {
    const reasonOf = async (name: string): Promise<string> => {
      const kind = HOSTILE_CORPUS.find((k) => k.name === name);
      if (kind === undefined) throw new Error(name);
      const res = await upload<Refused>(server.url, unionX, [{ name, bytes: kind.make(templates) }]);
      return res.body.findings[0]?.message ?? '';
    };
    expect(await reasonOf('ole-embedding.xlsx')).toContain('xl/embeddings/oleObject1.bin');
    expect(await reasonOf('unc-sheet-relationship.xlsx')).toMatch(/xl\/worksheets\/_rels\/sheet2\.xml\.rels.*rIdX.*attacker\.example/);
    expect(await reasonOf('dde-cmd.xlsx')).toMatch(/工作表「申請書」儲存格 B900 的公式以 DDE 呼叫其他程式/);
    expect(await reasonOf('webservice.xlsx')).toContain('儲存格 B900 的公式使用了 WEBSERVICE 函數');
    expect(await reasonOf('hyperlink-file.xlsx')).toContain('file://attacker.example/share/x');
    expect(await reasonOf('cb-entries-whole-sheet.xlsx')).toContain('定義名稱「cb_entries」的範圍有 1,048,576 列 × 26 欄，超過範本最大 25,000 列 × 27 欄');
  }, 120_000);
});

describe('a whole-sheet cb_entries beside an ordinary upload', () => {
  it('is refused from its defined name alone, and the ordinary upload sent at the same time is filed', async () => {
    const hostile = HOSTILE_CORPUS.find((k) => k.name === 'cb-entries-whole-sheet.xlsx')?.make(templates) ?? Buffer.alloc(0);
    const ordinary = await cashbookVariantBytes(1, 'WS-1');
    const order: string[] = [];
    const started = Date.now();
    const rssBefore = process.memoryUsage().rss;
    const [refused, filed] = await Promise.all([
      upload<Refused>(server.url, unionX, [{ name: 'whole-sheet.xlsx', bytes: hostile }]).then((r) => {
        order.push('hostile');
        return { r, ms: Date.now() - started };
      }),
      upload(server.url, unionX, [{ name: cashbookName(115, 1, UNION_X_UBN), bytes: ordinary }]).then((r) => {
        order.push('ordinary');
        return { r, ms: Date.now() - started };
      }),
    ]);
    // measured, not asserted (no timing thresholds in tests): printed for the report
    process.stdout.write(
      `whole-sheet cb_entries over HTTP: refused in ${refused.ms} ms, ordinary upload answered in ${filed.ms} ms, ` +
        `server RSS ${Math.round(rssBefore / 2 ** 20)} → ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB\n`,
    );
    expect(refused.r.status).toBe(422);
    expect(refused.r.body.findings.map((f) => [f.code, f.params.reason])).toEqual([['file.unreadable', 'bounds.name_too_large']]);
    expect(filed.r.status).toBe(201);
    // which answer comes first depends on which the one check worker takes first: both are answered, neither waits on a table
    expect([...order].sort()).toEqual(['hostile', 'ordinary']);
  }, 120_000);
});
