// The import run message migration on runs written in the old shape (message text only): they come back as a code and
// params that render the same text (and a changed wording afterwards), or as their text kept whole; down restores it.
import { LEGACY_MESSAGE, makeFinding, storedMessageOf, TEXTS, WORDING, type FindingParams } from '@portfund/shared-rules';
import { beforeMigration } from './testing/before-migration';

const THIS = '20261207130000_import_run_message';
const migration = beforeMigration(THIS);

const unreadable = makeFinding('file.unreadable', {}, { reason: 'gate.too_large', sizeMb: '12.5', limitMb: '10' });
const EDITED = '有人手動改過的匯入結果說明';

// what the old code stored (its texts are frozen in the migration), and what each becomes
const OLD: readonly (readonly [message: string, code: string | null, params: FindingParams])[] = [
  ['欄位標題有誤，未讀取任何資料列；請依匯入範本修正第一列後再匯入', 'run.header_invalid', {}],
  [
    '試算（未寫入任何資料）：共 3 筆，可匯入 2 筆，有錯誤 1 筆；若匯入正確的列：新增 2、更新 0、未變更 0',
    'run.dry_run',
    { read: 3, valid: 2, rejected: 1, inserted: 2, updated: 0, unchanged: 0 },
  ],
  ['全部或全不：4 筆有錯誤，未寫入任何資料；請修正後重新匯入', 'run.rejected', { rejected: 4 }],
  ['已匯入 10 筆：新增 7、更新 2、未變更 1', 'run.applied', { valid: 10, inserted: 7, updated: 2, unchanged: 1 }],
  ['已匯入 10 筆：新增 7、更新 2、未變更 1；3 筆有錯誤未匯入', 'run.applied_partly', { valid: 10, inserted: 7, updated: 2, unchanged: 1, rejected: 3 }],
  [unreadable.message, 'file.unreadable', unreadable.params],
  [EDITED, null, { [LEGACY_MESSAGE]: EDITED }],
  ['', null, {}],
];


describe(`migration ${THIS}`, () => {
  it('reads old messages into a code and params that render the same text, keeps the unreadable as text, and goes back', async () => {
    const [org] = await migration.db('organizations').insert({ kind: 'local_gov', name: '臺中市政府勞工局', ubn: '00000001' }).returning('id');
    const [user] = await migration.db('users').insert({ username: 'l', password_hash: 'x', organization_id: org.id, role: 'local_gov' }).returning('id');
    const base = { organization_id: org.id, user_id: user.id, kind: 'officers', mode: 'dry_run', status: 'dry_run', file_name: 'o.csv', file_sha256: 'b', size_bytes: 1 };
    await migration.db('import_runs').insert(OLD.map(([message]) => ({ ...base, message })));

    await migration.up();
    const stored = await migration.db('import_runs').orderBy('id').select<{ message_code: string | null; message_params: FindingParams }[]>('message_code', 'message_params');
    expect(stored.map((r) => [r.message_code, r.message_params])).toEqual(OLD.map(([, code, params]) => [code, params]));
    expect(stored.map((r) => storedMessageOf(r.message_code, r.message_params))).toEqual(OLD.map(([message]) => message));
    expect(await migration.db.schema.hasColumn('import_runs', 'message')).toBe(false);

    // a wording fix reaches a run stored before it
    const [, dry] = stored;
    const wording = { ...WORDING, texts: { ...TEXTS, 'run.dry_run': '試算：{read} 列中 {valid} 列可匯入' } };
    expect(storedMessageOf(dry?.message_code ?? null, dry?.message_params ?? {}, wording)).toBe('試算：3 列中 2 列可匯入');

    await migration.down();
    expect((await migration.db('import_runs').orderBy('id').select<{ message: string }[]>('message')).map((r) => r.message)).toEqual(OLD.map(([message]) => message));
    expect(await migration.db.schema.hasColumn('import_runs', 'message_code')).toBe(false);
  });
});
