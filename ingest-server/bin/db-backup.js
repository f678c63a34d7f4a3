#!/usr/bin/env node
// Backup and restore of portfund's database (README, "Running in production" → Backups). Everything portfund keeps is in
// the database — filings with their uploaded bytes, findings, reviews, users — so this is the whole backup.
//
//   npm run db:backup -- FILE [pg_dump options]       PostgreSQL (DATABASE_URL): pg_dump's custom format, consistent while
//                                                      the servers run; no owners or grants (restorable under any role)
//   npm run db:restore -- FILE [pg_restore options]   into an EMPTY database (DATABASE_URL): one transaction, stopped at the
//                                                      first error, so a failed restore leaves nothing half-written
//
// Without DATABASE_URL: the embedded PGlite of PORTFUND_DATA_DIR (default .data/pglite). Stop the server first (PGlite is
// one process's). The backup is PGlite's own dump of the data directory (a gzip'd tar); the restore writes it into a
// data directory that must not exist yet or be empty.
// The connection string reaches pg_dump/pg_restore through PG* environment variables, never their command line (ps).
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');

const USAGE = 'usage: db-backup.js backup|restore FILE [pg_dump/pg_restore options]';

/** libpq's environment for a postgres:// URL (host, port, user, password, database, sslmode). */
const libpqEnv = (databaseUrl) => {
  const url = new URL(databaseUrl);
  const env = { PGHOST: decodeURIComponent(url.hostname), PGDATABASE: decodeURIComponent(url.pathname.slice(1)) };
  if (url.port !== '') env.PGPORT = url.port;
  if (url.username !== '') env.PGUSER = decodeURIComponent(url.username);
  if (url.password !== '') env.PGPASSWORD = decodeURIComponent(url.password);
  const sslmode = url.searchParams.get('sslmode');
  if (sslmode !== null) env.PGSSLMODE = sslmode;
  // a socket directory given as ?host=/var/run/postgresql
  const host = url.searchParams.get('host');
  if (host !== null) env.PGHOST = host;
  return env;
};

const postgres = (command, file, extra, databaseUrl) => {
  const env = libpqEnv(databaseUrl);
  const args =
    command === 'backup'
      ? ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, ...extra]
      : // pg_restore needs a database name to restore into rather than print SQL (the rest comes from PG*)
        ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${env.PGDATABASE}`, ...extra, file];
  const run = spawnSync(command === 'backup' ? 'pg_dump' : 'pg_restore', args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (run.error !== undefined) throw run.error;
  return run.status ?? 1;
};

const pglite = async (command, file) => {
  const { PGlite } = require('@electric-sql/pglite');
  const dataDir = resolve(process.env.PORTFUND_DATA_DIR ?? join(process.cwd(), '.data', 'pglite'));
  if (command === 'backup') {
    if (!existsSync(join(dataDir, 'PG_VERSION'))) throw new Error(`${dataDir} 不是 PGlite 資料目錄`);
    const db = await PGlite.create({ dataDir });
    try {
      writeFileSync(file, Buffer.from(await (await db.dumpDataDir('gzip')).arrayBuffer()));
    } finally {
      await db.close();
    }
  } else {
    if (existsSync(dataDir) && readdirSync(dataDir).length > 0) throw new Error(`${dataDir} 不是空目錄：請還原至新的 PORTFUND_DATA_DIR`);
    const db = await PGlite.create({ dataDir, loadDataDir: new Blob([readFileSync(file)]) });
    await db.close();
  }
  console.log(`${command === 'backup' ? '已備份' : '已還原'} PGlite（${dataDir}）${command === 'backup' ? '至' : '自'} ${file}`);
  return 0;
};

const main = async () => {
  const [command, file, ...extra] = process.argv.slice(2);
  if ((command !== 'backup' && command !== 'restore') || file === undefined) {
    console.error(USAGE);
    return 2;
  }
  if (command === 'restore' && !existsSync(file)) throw new Error(`找不到備份檔 ${file}`);
  const databaseUrl = process.env.DATABASE_URL;
  return databaseUrl === undefined || databaseUrl === '' ? pglite(command, resolve(file)) : postgres(command, resolve(file), extra, databaseUrl);
};

main().then(
  (status) => (process.exitCode = status),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
