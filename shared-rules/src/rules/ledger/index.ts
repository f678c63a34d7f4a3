// The ledger.* rules of the cash book (SPEC §4.2), one per file, all reading the one replay of ledger/read.ts.
import { type Rule } from '../../check/context';
import { accountNotAllowed } from './account-not-allowed';
import { balanceMismatch } from './balance-mismatch';
import { categoryNotAllowed } from './category-not-allowed';
import { codeUnknown } from './code-unknown';
import { dateOrder } from './date-order';
import { dateOutOfPeriod } from './date-out-of-period';
import { negativeBalance } from './negative-balance';
import { personCap } from './person-cap';
import { personNameNote } from './person-name-note';
import { personNameRequired } from './person-name-required';
import { summaryMismatch } from './summary-mismatch';
import { voucherDuplicate } from './voucher-duplicate';

export const ledgerRules: readonly Rule[] = [
  codeUnknown,
  summaryMismatch,
  categoryNotAllowed,
  accountNotAllowed,
  dateOrder,
  dateOutOfPeriod,
  negativeBalance,
  balanceMismatch,
  voucherDuplicate,
  personNameRequired,
  personNameNote,
  personCap,
];
