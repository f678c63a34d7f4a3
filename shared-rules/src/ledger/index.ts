// The cash-book ledger: how an entry moves the accounts, the replay of a whole book and its year-to-date totals.
export { ACCOUNTS, type Account, isAccount, ledgerDelta } from './delta';
export {
  type Balances,
  balancesTotal,
  type EntryCells,
  type FormulaView,
  type LedgerEntry,
  type LedgerEntryInput,
  type NegativeBalance,
  type Replay,
  replayEntries,
  zeroBalances,
} from './replay';
export { isOffered, type Ledger, readLedger } from './read';
export { type LedgerTotals, ledgerTotals, spendOf } from './totals';
export { type PersonName, personName } from './person-name';
