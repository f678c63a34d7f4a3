// Idempotent batch upsert: INSERT … ON CONFLICT DO UPDATE only where the row hash differs, RETURNING whether each
// affected row was inserted (xmax = 0) — rows not returned were unchanged. Re-importing the same file changes nothing.
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
}

export interface UpsertResult<K> {
  readonly key: K;
  readonly status: 'inserted' | 'updated' | 'unchanged';
}

/** Rows of one batch (distinct keys); values are the columns besides the key, hashed to detect a change. */
export const upsertRows = async (
  trx: Knex.Transaction,
  spec: UpsertSpec,
  rows: readonly { readonly key: Readonly<Record<string, unknown>>; readonly values: Readonly<Record<string, unknown>> }[],
): Promise<Map<string, 'inserted' | 'updated'>> => {
  const changed = new Map<string, 'inserted' | 'updated'>();
  if (rows.length === 0) return changed;
  const data = rows.map((r) => ({ ...r.key, ...r.values, row_hash: rowHash(r.values), last_run_id: spec.runId }));
  const columns = Object.keys(data[0] ?? {}).filter((c) => !spec.conflict.includes(c));
  const merge: Record<string, Knex.Raw> = Object.fromEntries(columns.map((c) => [c, trx.raw('??', [`excluded.${c}`])]));
  const returned = (await trx(spec.table)
    .insert(data)
    .onConflict(spec.conflict as string[])
    .merge({ ...merge, updated_at: trx.fn.now() })
    .where(`${spec.table}.row_hash`, '<>', trx.raw('excluded.row_hash'))
    .returning([...spec.conflict, trx.raw('(xmax = 0) as inserted')] as never)) as Record<string, unknown>[];
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
