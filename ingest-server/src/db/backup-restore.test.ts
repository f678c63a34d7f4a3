// Backup and restore (issue 19, part 6) with the documented commands (ingest-server/bin/db-backup.js, npm run
// db:backup / db:restore). On PostgreSQL (TEST_DATABASE_URL, as CI's test:db runs it): a database populated through the API
// — uploads, a review decision, findings, notifications — is dumped with pg_dump while its server runs, restored with
// pg_restore into a fresh database, and a second server on the restored database answers every report, filing, download
// and original file byte for byte as the first; its migrations are current and it files the next version. On PGlite (npm
// start's default): a data directory is backed up with the server stopped and restored into a new one, table by table equal.
import { PGlite } from '@electric-sql/pglite';
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { type Knex } from 'knex';
import { createApp } from '../http/app';
import { call, upload } from '../testing/http';
import { migratedDump, startTestServer, type TestServer, UNION_X_UBN } from '../testing/test-server';
import { applicationBytes, applicationName, cashbookBytes, cashbookName, cashbookVariantBytes } from '../testing/workbooks';
import { bindModels, createDb, migrate } from './connection';
import { migrationSource } from './migrations';

const SCRIPT = join(__dirname, '..', '..', 'bin', 'db-backup.js');
const DATABASE_URL = process.env.TEST_DATABASE_URL;

const runScript = (command: 'backup' | 'restore', file: string, env: Record<string, string | undefined>, extra: readonly string[] = []): void => {
  const run = spawnSync(process.execPath, [SCRIPT, command, file, ...extra], { encoding: 'utf8', env: { ...process.env, ...env } });
  if (run.status !== 0) throw new Error(`db-backup.js ${command} failed (${run.status}):\n${run.stdout}${run.stderr}`);
};

/** Migrations the database still lacks (none after a restore of a current one). */
const pendingMigrations = async (db: Knex, schema?: string): Promise<unknown[]> =>
  ((await db.migrate.list({ migrationSource, ...(schema === undefined ? {} : { schemaName: schema }) })) as [unknown[], unknown[]])[1];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'portfund-backup-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

if (DATABASE_URL !== undefined) {
  describe('PostgreSQL: pg_dump while serving, pg_restore into a fresh database', () => {
    let server: TestServer;
    let restored: { db: Knex; http: Server; url: string; database: string } | undefined;
    const tokens: Record<'unionX' | 'localA' | 'ministry' | 'admin', string> = { unionX: '', localA: '', ministry: '', admin: '' };

    beforeAll(async () => {
      server = await startTestServer();
      tokens.unionX = await server.login('union-x');
      tokens.localA = await server.login('taichung');
      tokens.ministry = await server.login('reviewer');
      tokens.admin = await server.login('admin');
    });
    afterAll(async () => {
      if (restored !== undefined) {
        await new Promise<void>((resolve) => restored?.http.close(() => resolve()));
        await restored.db.destroy();
        bindModels(server.db);
        await server.db.raw('DROP DATABASE IF EXISTS ??', [restored.database]);
      }
      await server.close();
    });

    /** Everything a user reads back, as JSON and bytes (XLSX, CSV, the clean copies and the uploaded originals). */
    const readBack = async (url: string): Promise<Record<string, unknown>> => {
      const bytes = async (path: string, token: string, init: RequestInit = {}): Promise<string> => {
        const res = await fetch(`${url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) } });
        const body = Buffer.from(await res.arrayBuffer());
        return `${res.status} ${res.headers.get('content-type') ?? ''} ${body.length} ${createHash('sha256').update(body).digest('hex')}`;
      };
      const json = async (path: string, token: string): Promise<[number, unknown]> => {
        const res = await call(`${url}${path}`, token);
        return [res.status, res.body];
      };
      // a findings workbook says when it was made (產生時間, and exceljs's document dates): its cells, that line masked
      const findingCells = async (id: number): Promise<unknown> => {
        const res = await fetch(`${url}/api/filings/${id}/findings.xlsx`, { headers: { authorization: `Bearer ${tokens.ministry}` } });
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(await res.arrayBuffer());
        const cells: string[] = [];
        workbook.eachSheet((sheet) => sheet.eachRow((row, r) => row.eachCell((cell, c) => cells.push(`${sheet.name}!${r},${c} ${JSON.stringify(cell.value)}`))));
        return [res.status, cells.map((cell) => cell.replace(/產生時間 [^"]*/, '產生時間 …'))];
      };
      const list = await call<{ filings: { id: number }[] }>(`${url}/api/filings?superseded=1`, tokens.ministry);
      const filings: Record<string, unknown> = {};
      for (const { id } of list.body.filings) {
        const detail = await call<{ sha256?: string }>(`${url}/api/filings/${id}`, tokens.ministry);
        const sha = (await server.db('filings').where({ id }).first<{ sha256: string }>('sha256')).sha256;
        filings[id] = {
          detail: [detail.status, detail.body],
          findings: await findingCells(id),
          file: await bytes(`/api/filings/${id}/file`, tokens.ministry),
          original: await bytes(`/api/filings/${id}/original`, tokens.admin, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ confirm: sha }) }),
        };
      }
      return {
        list: [list.status, list.body],
        filings,
        unions: await json('/api/reports/unions', tokens.ministry),
        unionsCsv: await bytes('/api/reports/unions?format=csv', tokens.ministry),
        unionsXlsx: await bytes('/api/reports/unions?format=xlsx', tokens.ministry),
        localGovernments: await json('/api/reports/local-governments', tokens.ministry),
        balances: await json(`/api/reports/unions/${UNION_X_UBN}/balances`, tokens.ministry),
        balancesXlsx: await bytes(`/api/reports/unions/${UNION_X_UBN}/balances?format=xlsx`, tokens.ministry),
        // the time it was computed aside
        dashboard: await json('/api/reports/dashboard?year=115', tokens.ministry).then(([status, body]) => [status, { ...(body as object), generatedAt: undefined }]),
        notifications: await json('/api/notifications', tokens.unionX),
        worklist: await json('/api/worklist', tokens.localA),
      };
    };

    it('restores a populated database into a fresh one that answers every report and download identically', async () => {
      // populated through the API: two quarters and an application of a union, a second version with mistakes (the first
      // superseded), a review decision
      for (const quarter of [1, 4] as const) {
        expect((await upload(server.url, tokens.unionX, [{ name: cashbookName(115, quarter, UNION_X_UBN), bytes: await cashbookBytes(quarter) }])).status).toBe(201);
      }
      const application = await upload<{ id: number }>(server.url, tokens.unionX, [{ name: applicationName(115, UNION_X_UBN), bytes: await applicationBytes() }]);
      expect(application.status).toBe(201);
      const mistakes = await upload(server.url, tokens.unionX, [{ name: cashbookName(115, 1, UNION_X_UBN), bytes: await cashbookBytes(1, { cb_open_petty: '５７９０４' }) }]);
      expect([mistakes.status, mistakes.body.version, mistakes.body.summary.errors > 0]).toEqual([201, 2, true]);
      expect((await call(`${server.url}/api/filings/${application.body.id}/review`, tokens.localA, 'POST', { decision: 'accept', lockVersion: 0 })).status).toBe(200);

      // backed up while the server runs (only this file's schema: the test database holds other files' schemas too)
      const schema = ((await server.db.raw('SELECT current_schema() AS s')) as { rows: { s: string }[] }).rows[0]?.s ?? '';
      const dump = join(dir, 'portfund.dump');
      runScript('backup', dump, { DATABASE_URL }, [`--schema=${schema}`]);
      const before = await readBack(server.url);

      // a fresh database, restored and served by a second server
      const database = `portfund_restore_${randomBytes(4).toString('hex')}`;
      await server.db.raw('CREATE DATABASE ??', [database]);
      const restoredUrl = new URL(DATABASE_URL);
      restoredUrl.pathname = `/${database}`;
      const db = createDb({ databaseUrl: restoredUrl.toString(), schema });
      restored = { db, http: createServer(), url: '', database };
      runScript('restore', dump, { DATABASE_URL: restoredUrl.toString() });
      expect(await pendingMigrations(db, schema)).toEqual([]);
      await migrate(db, schema);
      bindModels(db);
      restored.http.on('request', createApp({ db, config: server.config }));
      const http = restored.http;
      await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', () => resolve()));
      restored.url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

      const after = await readBack(restored.url);
      expect(Object.keys(after.filings as object)).toHaveLength(4);
      expect(after).toEqual(before);

      // the restored database keeps counting: the next upload of a period is its next version, with a new id
      const next = await upload<{ id: number; version: number }>(restored.url, tokens.unionX, [
        { name: cashbookName(115, 1, UNION_X_UBN), bytes: await cashbookVariantBytes(1, 'R-0001') },
      ]);
      expect([next.status, next.body.version]).toEqual([201, 3]);
      expect(Object.keys(before.filings as object)).not.toContain(String(next.body.id));
    }, 240_000);

    it('refuses to restore into a database that is not empty, leaving it as it was (the dump of the test above)', () => {
      const dump = join(dir, 'portfund.dump');
      const run = spawnSync(process.execPath, [SCRIPT, 'restore', dump], { encoding: 'utf8', env: { ...process.env, DATABASE_URL } });
      expect(run.status).not.toBe(0);
      expect(run.stderr).toMatch(/already exists/);
    });
  });
} else {
  describe('PGlite: the data directory, backed up with the server stopped and restored into a new one', () => {
    it('restores every table as it was, with the migrations current', async () => {
      // a data directory opened from the run's migrated database (test-server.ts makes it once: no initdb, no migrations here)
      const dataDir = join(dir, 'pglite');
      const db = createDb({ pglite: await PGlite.create({ dataDir, loadDataDir: new Blob([new Uint8Array(await migratedDump())]) }) });
      const [org] = await db('organizations').insert({ kind: 'ministry', name: '勞動部' }).returning('id');
      await db('organizations').insert({ kind: 'local_gov', name: '臺中市政府勞工局', parent_id: null });
      await db('users').insert({ username: 'admin', password_hash: 'scrypt$x', organization_id: (org as { id: number }).id, role: 'ministry', is_admin: true });
      const tables = async (knex: Knex): Promise<Record<string, unknown[]>> => {
        const names = ((await knex.raw("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")) as { rows: { tablename: string }[] }).rows;
        const out: Record<string, unknown[]> = {};
        for (const { tablename } of names) out[tablename] = await knex(tablename).select('*').orderByRaw('1');
        return out;
      };
      const before = await tables(db);
      await db.destroy();

      const backup = join(dir, 'pglite.tar.gz');
      runScript('backup', backup, { DATABASE_URL: '', PORTFUND_DATA_DIR: dataDir });
      const restoredDir = join(dir, 'restored');
      runScript('restore', backup, { DATABASE_URL: '', PORTFUND_DATA_DIR: restoredDir });
      // never over an existing database
      const again = spawnSync(process.execPath, [SCRIPT, 'restore', backup], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '', PORTFUND_DATA_DIR: restoredDir } });
      expect([again.status, again.stderr]).toEqual([1, expect.stringContaining('不是空目錄')]);

      const restored = createDb({ dataDir: restoredDir });
      try {
        expect(await pendingMigrations(restored)).toEqual([]);
        expect(before.users).toHaveLength(1);
        expect(await tables(restored)).toEqual(before);
      } finally {
        await restored.destroy();
      }
    }, 180_000);
  });
}
