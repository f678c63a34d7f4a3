// Stores what a workbook contains (SPEC §6 "extraction"): ledger entries and balances, application figures, training sessions.
import { ACCOUNTS, type ApplicationData, type CashbookData, type WorkbookData } from '@portfund/shared-rules';
import type Decimal from 'decimal.js';
import { type Knex } from 'knex';

const money = (d: Decimal | null): string | null => (d === null ? null : d.toFixed(0));
const BALANCE_COLUMNS = ['special1', 'special2', 'fixed', 'petty'] as const;

const insertChunked = async (trx: Knex, table: string, rows: readonly object[]): Promise<void> => {
  for (let i = 0; i < rows.length; i += 500) await trx(table).insert(rows.slice(i, i + 500));
};

const storeCashbook = async (trx: Knex, filingId: number, data: CashbookData): Promise<void> => {
  await insertChunked(
    trx,
    'ledger_entries',
    data.entries.map((e, i) => ({
      filing_id: filingId,
      seq: i + 1,
      sheet_row: e.row,
      month: e.month,
      day: e.day,
      zi: e.zi,
      voucher: e.voucher,
      item: e.item,
      no: e.no,
      note: e.note,
      amount: money(e.amount),
      category: e.category,
      account: e.account,
      ...Object.fromEntries(ACCOUNTS.map((a, k) => [`bal_${BALANCE_COLUMNS[k]}`, money(e.balances[a])])),
    })),
  );
  const balances = (side: 'opening' | 'closing', b: CashbookData['opening']): Record<string, string | null> =>
    Object.fromEntries(ACCOUNTS.map((a, k) => [`${side}_${BALANCE_COLUMNS[k]}`, money(b[a])]));
  await trx('cashbook_summaries').insert({
    filing_id: filingId,
    period: data.period ?? 0,
    ...balances('opening', data.opening),
    ...balances('closing', data.closing),
    allocation_received: money(data.totals.allocationReceived),
    interest_received: money(data.totals.interestReceived),
    other_received: money(data.totals.otherReceived),
  });
  const spend = [...data.totals.spendByRowAndCategory].flatMap(([row, byCategory]) =>
    [...byCategory].map(([category, amount]) => ({ filing_id: filingId, spend_row: row, category, amount: money(amount) })),
  );
  await insertChunked(trx, 'cashbook_spend', spend);
};

const storeApplication = async (trx: Knex, filingId: number, data: ApplicationData): Promise<void> => {
  await insertChunked(
    trx,
    'application_figures',
    data.figures.map((f) => ({ filing_id: filingId, section: f.section, item: f.item, col: f.col, amount: money(f.amount), text_value: f.text })),
  );
  await insertChunked(
    trx,
    'training_sessions',
    data.sessions.map((s) => ({
      filing_id: filingId,
      seq: s.seq,
      session_no: s.sessionNo,
      day1: s.day1,
      day2: s.day2,
      days: s.days === null ? null : s.days.toFixed(1),
      title: s.title,
      place: s.place,
      hours: s.hours.toFixed(1),
      cost: money(s.cost),
      male: s.male,
      female: s.female,
    })),
  );
  await insertChunked(
    trx,
    'roster_members',
    data.roster.map((m) => ({ filing_id: filingId, seq: m.seq, name: m.name, gender: m.gender })),
  );
};

export const storeExtraction = (trx: Knex, filingId: number, data: WorkbookData): Promise<void> =>
  data.kind === 'cashbook' ? storeCashbook(trx, filingId, data) : storeApplication(trx, filingId, data);
