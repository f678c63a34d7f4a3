// Issue 14.6 over real HTTP: a local government learns nothing about other jurisdictions from an import. A UBN another
// local government registered and a UBN nobody registered get byte-identical answers (but for the UBN echoed back).
import { type CellValue } from '@portfund/shared-rules';
import { IMPORT_COLUMNS, type ImportKind } from '@portfund/shared-rules/src/registry';
import { testId, testUbn } from '@portfund/shared-rules/src/registry/testing/ids';
import { utf8Csv, type Table } from '../tables/testing/files';
import { postImport } from '../tables/testing/http';
import { startTestServer, type TestServer } from '../testing/test-server';

let server: TestServer;
let localA: string;

beforeAll(async () => {
  server = await startTestServer();
  localA = await server.login('taichung');
});
afterAll(() => server.close());

const table = (kind: ImportKind, rows: readonly Readonly<Record<string, CellValue>>[]): Table => {
  const headers = IMPORT_COLUMNS[kind].map((c) => c.header);
  return [headers, ...rows.map((r) => headers.map((h) => r[h] ?? null))];
};

const officers = (ubn: string): Buffer =>
  utf8Csv(table('officers', [{ 統一編號: ubn, 負責人: '是', 職稱: '理事長', 姓名: '王大明', 身分證號: testId('L', 1, 1), 性別: '男', 任期起: '2023-01-01', 任期迄: '2026-12-31' }]));

/** What the answer says, without what differs by run (its id, times, the file hash) and with the UBN the user typed blanked. */
const shown = (body: Record<string, unknown>, ubn: string): string => {
  const { id: _id, runId: _runId, createdAt: _createdAt, startedAt: _startedAt, finishedAt: _finishedAt, fileSha256: _sha, ...rest } = body;
  return JSON.stringify(rest).replaceAll(ubn, '〈UBN〉');
};

describe('a UBN registered elsewhere answers as a UBN registered nowhere', () => {
  it.each(['dry_run', 'valid_rows', 'all_or_nothing'])('officers import (%s): byte-identical findings and counts', async (mode) => {
    const elsewhere = server.seed.unionY.ubn ?? '';
    const nowhere = testUbn(97);
    const a = await postImport<Record<string, unknown>>(server.url, localA, 'officers', { name: 'o.csv', bytes: officers(elsewhere) }, { mode });
    const b = await postImport<Record<string, unknown>>(server.url, localA, 'officers', { name: 'o.csv', bytes: officers(nowhere) }, { mode });
    expect(a.status).toBe(b.status);
    expect(shown(a.body, elsewhere)).toBe(shown(b.body, nowhere));
    expect(JSON.stringify(a.body)).not.toMatch(/其他地方主管機關|not_in_scope|not_registered|other_authority/);
    expect(a.body.findings).toEqual([expect.objectContaining({ code: 'recon.union_unknown', field: '統一編號' })]);
  });

  it('unions import: a UBN registered elsewhere is refused without naming any jurisdiction', async () => {
    const t = table('unions', [{ 工會名稱: '高雄市港區碼頭職業工會', 統一編號: server.seed.unionY.ubn ?? '' }]);
    const res = await postImport<{ findings: { code: string; message: string; params: Record<string, unknown> }[] }>(server.url, localA, 'unions', { name: 'u.csv', bytes: utf8Csv(t) }, { mode: 'dry_run' });
    expect(res.body.findings.map((f) => [f.code, f.message])).toEqual([['recon.union_unknown', `統一編號「${server.seed.unionY.ubn ?? ''}」已登錄，不能由您匯入，請洽勞動部`]]);
    expect(JSON.stringify(res.body)).not.toMatch(/其他地方主管機關|other_authority|高雄/);
  });
});
