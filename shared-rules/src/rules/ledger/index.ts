// The ledger.* rules of the cash book (SPEC §4.2).
import { type Rule } from '../../check/context';

export const ledgerRules: readonly Rule[] = [];
