// Stores what a workbook contains (SPEC §6 "extraction"): ledger entries and balances, application figures, training sessions.
// The checker has already flagged impossible values (cell.max_digits …): a value no column can hold is stored as NULL (a
// summary or spend row holding one is left out), never turned into a database error.
import { ACCOUNTS, type ApplicationData, type CashbookData, type DecimalString, type WorkbookData } from '@portfund/shared-rules';
import Decimal from 'decimal.js';
import { type Knex } from 'knex';

const BALANCE_COLUMNS = ['special1', 'special2', 'fixed', 'petty'] as const;

/**
 * A value for numeric(precision, scale): the extracted decimal string rounded to the scale (decimal.js, never a float), or
 * null when it has more integer digits than the column. The bound is computed once per column type, not per value: a
 * 20,000-entry book stores every amount and balance through money().
 */
const fitting = (precision: number, scale: number): ((s: DecimalString | null) => string | null) => {
  const bound = new Decimal(10).pow(precision - scale);
  return (s) => {
    const d = s === null ? null : new Decimal(s);
    if (d === null || !d.isFinite()) return null;
    const rounded = d.toDecimalPlaces(scale, Decimal.ROUND_HALF_UP);
    return rounded.abs().lt(bound) ? rounded.toFixed(scale) : null;
  };
};

const money = fitting(15, 0);
const sessionDays = fitting(4, 1);
const sessionHours = fitting(6, 1);

const INT_MAX = 2147483647;
const SMALLINT_MAX = 32767;
const int = (n: number | null, max = INT_MAX): number | null => (n !== null && Number.isInteger(n) && Math.abs(n) <= max ? n : null);

// eslint-disable-next-line no-control-regex
const NUL = /\u0000/g;
/**
 * PostgreSQL text cannot hold U+0000: drop it (the reader should never let one through; this is the last guard). Only
 * text from the workbook needs it: definition keys (figure section/item/col, spend row, 動支類別) are stored as they are.
 */
const text = (s: string | null): string | null => (s === null ? null : s.replace(NUL, ''));

const insertChunked = async (trx: Knex, table: string, rows: readonly object[]): Promise<void> => {
  for (let i = 0; i < rows.length; i += 500) await trx(table).insert(rows.slice(i, i + 500));
};

const allFit = (row: Readonly<Record<string, string | null>>): boolean => Object.values(row).every((v) => v !== null);

const storeCashbook = async (trx: Knex, filingId: number, data: CashbookData): Promise<void> => {
  await insertChunked(
    trx,
    'ledger_entries',
    data.entries.map((e, i) => ({
      filing_id: filingId,
      seq: i + 1,
      sheet_row: e.row,
      month: int(e.month, SMALLINT_MAX),
      day: int(e.day, SMALLINT_MAX),
      zi: text(e.zi),
      voucher: text(e.voucher),
      item: text(e.item),
      no: text(e.no),
      note: text(e.note),
      amount: money(e.amount),
      category: text(e.category),
      account: text(e.account),
      ...Object.fromEntries(ACCOUNTS.map((a, k) => [`bal_${BALANCE_COLUMNS[k]}`, money(e.balances[a])])),
    })),
  );
  const balances = (side: 'opening' | 'closing', b: CashbookData['opening']): Record<string, string | null> =>
    Object.fromEntries(ACCOUNTS.map((a, k) => [`${side}_${BALANCE_COLUMNS[k]}`, money(b[a])]));
  const amounts = {
    ...balances('opening', data.opening),
    ...balances('closing', data.closing),
    allocation_received: money(data.totals.allocationReceived),
    interest_received: money(data.totals.interestReceived),
    other_received: money(data.totals.otherReceived),
  };
  // the summary's columns are required: a book whose balances cannot be stored has no summary (reports show it as unknown)
  if (allFit(amounts)) await trx('cashbook_summaries').insert({ filing_id: filingId, period: int(data.period, SMALLINT_MAX) ?? 0, ...amounts });
  const spend = data.totals.spend.map((s) => ({ filing_id: filingId, spend_row: s.spendRow, category: s.category, amount: money(s.amount) }));
  await insertChunked(trx, 'cashbook_spend', spend.filter((s) => s.amount !== null));
};

const storeApplication = async (trx: Knex, filingId: number, data: ApplicationData): Promise<void> => {
  await insertChunked(
    trx,
    'application_figures',
    data.figures.map((f) => ({
      filing_id: filingId,
      section: f.section,
      item: f.item,
      col: f.col,
      amount: money(f.amount),
      text_value: text(f.text),
    })),
  );
  await insertChunked(
    trx,
    'training_sessions',
    data.sessions.map((s) => ({
      filing_id: filingId,
      seq: s.seq,
      session_no: text(s.sessionNo),
      day1: text(s.day1),
      day2: text(s.day2),
      days: sessionDays(s.days),
      title: text(s.title),
      place: text(s.place),
      hours: sessionHours(s.hours),
      cost: money(s.cost),
      male: int(s.male),
      female: int(s.female),
    })),
  );
  await insertChunked(
    trx,
    'roster_members',
    data.roster.map((m) => ({ filing_id: filingId, seq: m.seq, name: text(m.name), gender: text(m.gender) })),
  );
};

export const storeExtraction = (trx: Knex, filingId: number, data: WorkbookData): Promise<void> =>
  data.kind === 'cashbook' ? storeCashbook(trx, filingId, data) : storeApplication(trx, filingId, data);
