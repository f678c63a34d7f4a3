// The params migration on rows written in the old shape (message text only): they come back as code + params that
// render the same text, or as their text kept whole; down restores the message column with the same text.
import { LEGACY_MESSAGE, makeFinding, messageOf, type FindingParams } from '@portfund/shared-rules';
import { beforeMigration, oldFiling } from './testing/before-migration';

const THIS = '20261207120000_finding_params';
const migration = beforeMigration(THIS);

// what the old code stored: the rendered text of findings made as today (codes whose wording did not change since;
// issue 13 reworded date.roc_invalid, see the parse test for an old wording kept as text)
const OLD = [
  makeFinding('cell.type', { sheet: '申請書', cell: 'B16' }, { label: '會員人數', actual: '0', expectedType: 'type.positive_integer' }),
  makeFinding('file.unreadable', {}, { reason: 'gate.too_large', sizeMb: '12.5', limitMb: '10' }),
  makeFinding('import.header', { field: 'A、B' }, { reason: 'header.missing', columns: '身分證字號、志工姓名', more: 12 }),
  makeFinding('officer.leader_count', { row: 3 }, { ubn: '04595257', term: '2024-01-01~2027-12-31', actual: 2 }),
  makeFinding('sum.mismatch', { sheet: '決算', cell: 'B8' }, { label: '合計', actual: '1,000', expected: '2,000' }),
];
const EDITED = '有人手動改過的訊息，任何範本都讀不出來';


describe(`migration ${THIS}`, () => {
  it('reads old messages into params that render the same text, keeps the unreadable as text, and goes back', async () => {
    const filing = await oldFiling(migration.db, 'application');
    const [run] = await migration.db('import_runs')
      .insert({ organization_id: filing.orgId, user_id: filing.userId, kind: 'officers', mode: 'dry_run', status: 'dry_run', file_name: 'o.csv', file_sha256: 'b', size_bytes: 1 })
      .returning('id');
    const rows = [...OLD.map((f) => ({ code: f.code, severity: f.severity, message: f.message })), { code: 'template.structure', severity: 'error', message: EDITED }];
    await migration.db('findings').insert(rows.map((r, seq) => ({ ...r, filing_id: filing.filingId, source: 'check', seq })));
    await migration.db('import_findings').insert(rows.map((r, i) => ({ ...r, run_id: run.id, seq: i + 1 })));

    await migration.up();
    for (const table of ['findings', 'import_findings']) {
      const stored = await migration.db(table).orderBy('id').select<{ code: string; params: FindingParams }[]>('code', 'params');
      expect(stored.map((r) => messageOf(r.code, r.params))).toEqual(rows.map((r) => r.message));
      expect(stored.slice(0, OLD.length).map((r) => r.params)).toEqual(OLD.map((f) => JSON.parse(JSON.stringify(f.params)) as FindingParams).map(stringly));
      expect(stored[OLD.length]?.params).toEqual({ [LEGACY_MESSAGE]: EDITED });
      expect(await migration.db.schema.hasColumn(table, 'message')).toBe(false);
    }

    await migration.down();
    for (const table of ['findings', 'import_findings']) {
      expect((await migration.db(table).orderBy('id').select<{ message: string }[]>('message')).map((r) => r.message)).toEqual(rows.map((r) => r.message));
      expect(await migration.db.schema.hasColumn(table, 'params')).toBe(false);
    }
  });
});

/** Parsed params are text (a number written into a message reads back as its digits). */
function stringly(params: FindingParams): FindingParams {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
}
