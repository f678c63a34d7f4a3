// Which cash-book rules an edit of ledger entry cells (月 … 動支帳戶 of cb_entries rows) can change, and how.
import { type Rule } from '../check/context';
import { DATA_RULES, TEMPLATE_RULES } from '../rules';
import { compositeText } from '../rules/cell/composite-text';
import { fieldValues } from '../rules/cell/field-values';
import { forbiddenCells } from '../rules/cell/forbidden';
import { typedFormulas } from '../rules/cell/formula';
import { fileNameRule } from '../rules/file/name';
import { accountNotAllowed } from '../rules/ledger/account-not-allowed';
import { balanceMismatch } from '../rules/ledger/balance-mismatch';
import { categoryNotAllowed } from '../rules/ledger/category-not-allowed';
import { codeUnknown } from '../rules/ledger/code-unknown';
import { dateOrder } from '../rules/ledger/date-order';
import { dateOutOfPeriod } from '../rules/ledger/date-out-of-period';
import { negativeBalance } from '../rules/ledger/negative-balance';
import { personCap } from '../rules/ledger/person-cap';
import { personNameNote } from '../rules/ledger/person-name-note';
import { personNameRequired } from '../rules/ledger/person-name-required';
import { summaryMismatch } from '../rules/ledger/summary-mismatch';
import { voucherDuplicate } from '../rules/ledger/voucher-duplicate';
import { cashbookRatioRules } from '../rules/ratio';
import { sumMismatch } from '../rules/sum/mismatch';

/** A finding of these at entry row r depends only on row r, the header and the parameter table: re-run on the edited rows. */
export const ROW_RULES: ReadonlySet<Rule> = new Set([fieldValues, codeUnknown, categoryNotAllowed, accountNotAllowed, dateOutOfPeriod, personNameRequired, personNameNote]);

/** These read the whole replayed ledger (order, running balances, duplicates, sums per person, year-to-date ratios): re-run on it. */
export const LEDGER_RULES: ReadonlySet<Rule> = new Set([dateOrder, negativeBalance, balanceMismatch, voucherDuplicate, personCap, summaryMismatch, ...cashbookRatioRules]);

/**
 * These never read an entry's input cells (labels, formulas, names, the header, the file name; typed and overwritten formulas,
 * which an incremental re-check requires to be absent): their findings are kept.
 */
export const UNAFFECTED_RULES: ReadonlySet<Rule> = new Set([...TEMPLATE_RULES, fileNameRule, typedFormulas, forbiddenCells, compositeText, sumMismatch]);

/** Every cash-book rule in exactly one class: a rule added later and not classified turns incremental re-checks off. */
export const allCashbookRulesClassified = (): boolean =>
  [...TEMPLATE_RULES, ...DATA_RULES.cashbook].every((r) => [ROW_RULES, LEDGER_RULES, UNAFFECTED_RULES].filter((set) => set.has(r)).length === 1);
