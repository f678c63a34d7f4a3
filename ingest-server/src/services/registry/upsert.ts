// Idempotent batch upsert: INSERT … ON CONFLICT DO UPDATE of the file's columns only, and only where one of them differs
// from the stored row, RETURNING whether each affected row was inserted (xmax = 0) — rows not returned were unchanged.
// A column the file leaves out is neither written nor compared, so a partial file never erases data and re-importing
// the same file changes nothing.
import { type Knex } from 'knex';
import { rowHash } from './hash';

export interface WriteCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export const noWrites = (): WriteCounts => ({ inserted: 0, updated: 0, unchanged: 0 });

export const addCounts = (a: WriteCounts, b: WriteCounts): void => {
  a.inserted += b.inserted;
  a.updated += b.updated;
  a.unchanged += b.unchanged;
};

export interface UpsertSpec {
  readonly table: string;
  /** The unique key columns (ON CONFLICT target). */
  readonly conflict: readonly string[];
  readonly runId: number;
  /** The columns an existing row takes from the file (those of its header); the other values are for new rows only. */
  readonly update: readonly string[];
}

export interface UpsertRow {
  readonly key: Readonly<Record<string, unknown>>;
  /** Every column of a new row (absent columns at their empty value); of an existing row only spec.update is written. */
  readonly values: Readonly<Record<string, unknown>>;
}

/** Rows of one batch (distinct keys). */
export const upsertRows = async (trx: Knex.Transaction, spec: UpsertSpec, rows: readonly UpsertRow[]): Promise<Map<string, 'inserted' | 'updated'>> => {
  const changed = new Map<string, 'inserted' | 'updated'>();
  if (rows.length === 0) return changed;
  const compared = spec.update.filter((c) => !spec.conflict.includes(c));
  // the hash is of what the file said: it marks a row an import wrote (GET /unions tells registered unions by it)
  const data = rows.map((r) => ({ ...r.key, ...r.values, row_hash: rowHash(Object.fromEntries(compared.map((c) => [c, r.values[c]]))), last_run_id: spec.runId }));
  const insert = trx(spec.table).insert(data).onConflict(spec.conflict as string[]);
  const returning = [...spec.conflict, trx.raw('(xmax = 0) as inserted')] as never;
  const merge: Record<string, Knex.Raw> = Object.fromEntries([...compared, 'row_hash', 'last_run_id'].map((c) => [c, trx.raw('??', [`excluded.${c}`])]));
  const list = compared.map(() => '??').join(', ');
  const bindings = [...compared.map((c) => `${spec.table}.${c}`), ...compared.map((c) => `excluded.${c}`)];
  // nothing to update (e.g. a membership without 加入日期 in the file): existing rows stay as they are
  const query =
    compared.length === 0
      ? insert.ignore().returning(returning)
      : insert
          .merge({ ...merge, updated_at: trx.fn.now() })
          .whereRaw(`(${list}) IS DISTINCT FROM (${list})`, bindings)
          .returning(returning);
  const returned = (await query) as Record<string, unknown>[];
  for (const r of returned) changed.set(keyText(spec.conflict.map((c) => r[c])), r.inserted === true ? 'inserted' : 'updated');
  return changed;
};

export const keyText = (parts: readonly unknown[]): string => JSON.stringify(parts.map((p) => (p === null || p === undefined ? null : String(p))));

/** Counts of one upsert: keys not returned were unchanged. */
export const countUpsert = (total: number, changed: ReadonlyMap<string, 'inserted' | 'updated'>): WriteCounts => {
  let inserted = 0;
  for (const s of changed.values()) if (s === 'inserted') inserted += 1;
  return { inserted, updated: changed.size - inserted, unchanged: total - changed.size };
};

/** The database columns of the import columns a file has (mapping: import column key → database column). */
export const presentColumns = (present: ReadonlySet<string>, mapping: Readonly<Record<string, string>>): string[] =>
  Object.entries(mapping)
    .filter(([key]) => present.has(key))
    .map(([, column]) => column);
