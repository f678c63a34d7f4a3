// What reconciliation reads about filings, loaded once per run and shared by the checks: the current version of a
// period and what each filing stored (entries, balances, spend, figures, roster). Amounts become Decimal here.
import { ACCOUNTS, type Account, type EntryCells, type Finding } from '@portfund/shared-rules';
import { INACTIVE_STATUSES } from '@portfund/api-contract';
import Decimal from 'decimal.js';
import { type Knex } from 'knex';
import { Filing, type FilingKind } from '../../models/filing';
import { registryProfile } from '../registry/registry-profile';

/** One stored cash-book entry, in book order. */
export interface StoredEntry extends EntryCells<Decimal> {
  readonly seq: number;
}

export interface CashbookSummary {
  readonly opening: Readonly<Record<Account, Decimal>>;
  readonly closing: Readonly<Record<Account, Decimal>>;
  readonly allocationReceived: Decimal;
  readonly interestReceived: Decimal;
  readonly otherReceived: Decimal;
}

/** An application's figures by (section, item, col); a blank cell is null. */
export interface Figures {
  amount(section: string, item?: string, col?: string): Decimal | null;
}

/** Reads of one transaction (one connection): await them one by one, never in Promise.all. */
export interface ReconContext {
  /** The current filing of a period: its highest version that was not rejected. */
  current(unionId: number, kind: FilingKind, year: number, quarter: number): Promise<Filing | undefined>;
  entries(filingId: number): Promise<readonly StoredEntry[]>;
  summary(filingId: number): Promise<CashbookSummary | undefined>;
  /** A cash book's spending by 決算 row and 動支類別, keyed `${row}|${category}`. */
  spend(filingId: number): Promise<ReadonlyMap<string, Decimal>>;
  figures(filingId: number): Promise<Figures>;
  rosterNames(filingId: number): Promise<readonly string[]>;
  organizationName(organizationId: number): Promise<string | undefined>;
  /** 會員合計 of the union's registry profile (union basic-data import), null when unknown. */
  registryMembers(unionId: number): Promise<number | null>;
}

/** One reconciliation check: reads through the context, returns the findings of the filing, never writes. */
export type ReconCheck = (ctx: ReconContext, filing: Filing) => Promise<readonly Finding[]>;

const BALANCE_COLUMNS: Readonly<Record<Account, string>> = { 專戶存款1: 'special1', 專戶存款2: 'special2', 定期存款: 'fixed', 零用金: 'petty' };

type Row = Record<string, unknown>;

/** numeric(15,0) comes back from pg as a string (PGlite may give a number): exact either way. */
export const decimalOrNull = (v: unknown): Decimal | null => (v === null || v === undefined ? null : new Decimal(String(v)));
const decimal = (v: unknown): Decimal => decimalOrNull(v) ?? new Decimal(0);
const textOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const intOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

const figureKey = (section: string, item: string, col: string): string => `${section}|${item}|${col}`;

const memoize = <K, V>(load: (key: K) => Promise<V>): ((key: K) => Promise<V>) => {
  const cache = new Map<K, Promise<V>>();
  return (key) => {
    let hit = cache.get(key);
    if (hit === undefined) cache.set(key, (hit = load(key)));
    return hit;
  };
};

const balancesOf = (row: Row, side: 'opening' | 'closing'): Record<Account, Decimal> =>
  Object.fromEntries(ACCOUNTS.map((a) => [a, decimal(row[`${side}_${BALANCE_COLUMNS[a]}`])])) as Record<Account, Decimal>;

export const createReconContext = (trx: Knex): ReconContext => {
  const current = memoize(async (key: string) => {
    const [unionId, kind, year, quarter] = key.split('|');
    return Filing.query(trx)
      .where({ union_id: Number(unionId), kind, year: Number(year), quarter: Number(quarter) })
      .whereNotIn('status', [...INACTIVE_STATUSES])
      .orderBy('version', 'desc')
      .first();
  });
  const entries = memoize(async (filingId: number): Promise<readonly StoredEntry[]> => {
    const rows = await trx('ledger_entries').where('filing_id', filingId).orderBy('seq').select<Row[]>('*');
    return rows.map((r) => ({
      seq: Number(r.seq),
      row: Number(r.sheet_row),
      month: intOrNull(r.month),
      day: intOrNull(r.day),
      zi: textOrNull(r.zi),
      voucher: textOrNull(r.voucher),
      item: textOrNull(r.item),
      no: textOrNull(r.no),
      note: textOrNull(r.note),
      amount: decimalOrNull(r.amount),
      category: textOrNull(r.category),
      account: textOrNull(r.account),
    }));
  });
  const summary = memoize(async (filingId: number): Promise<CashbookSummary | undefined> => {
    const r = await trx('cashbook_summaries').where('filing_id', filingId).first<Row | undefined>();
    if (r === undefined) return undefined;
    return {
      opening: balancesOf(r, 'opening'),
      closing: balancesOf(r, 'closing'),
      allocationReceived: decimal(r.allocation_received),
      interestReceived: decimal(r.interest_received),
      otherReceived: decimal(r.other_received),
    };
  });
  const spend = memoize(async (filingId: number): Promise<ReadonlyMap<string, Decimal>> => {
    const rows = await trx('cashbook_spend').where('filing_id', filingId).select<Row[]>('spend_row', 'category', 'amount');
    return new Map(rows.map((r) => [`${String(r.spend_row)}|${String(r.category)}`, decimal(r.amount)]));
  });
  const figures = memoize(async (filingId: number): Promise<Figures> => {
    const rows = await trx('application_figures').where('filing_id', filingId).select<Row[]>('section', 'item', 'col', 'amount');
    const byKey = new Map(rows.map((r) => [figureKey(String(r.section), String(r.item), String(r.col)), decimalOrNull(r.amount)]));
    return { amount: (section, item = '', col = '') => byKey.get(figureKey(section, item, col)) ?? null };
  });
  const rosterNames = memoize(async (filingId: number): Promise<readonly string[]> => {
    const rows = await trx('roster_members').where('filing_id', filingId).whereNotNull('name').orderBy('seq').select<Row[]>('name');
    return rows.map((r) => String(r.name));
  });
  const organizationName = memoize(async (organizationId: number): Promise<string | undefined> => {
    const r = await trx('organizations').where('id', organizationId).first<Row | undefined>('name');
    return r === undefined ? undefined : String(r.name);
  });
  const registryMembers = memoize(async (unionId: number): Promise<number | null> => (await registryProfile(trx, unionId))?.membersTotal ?? null);
  return {
    current: (unionId, kind, year, quarter) => current(`${unionId}|${kind}|${year}|${quarter}`),
    entries,
    summary,
    spend,
    figures,
    rosterNames,
    organizationName,
    registryMembers,
  };
};
