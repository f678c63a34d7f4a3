// The budget.* rules of the application workbook (預算, SPEC §3.7).
import { type Rule } from '../../check/context';
import { budgetInterestLine } from './interest-line';
import { budgetSurplusCarry } from './surplus-carry';
import { budgetUnbalanced } from './unbalanced';

export const budgetRules: readonly Rule[] = [budgetUnbalanced, budgetInterestLine, budgetSurplusCarry];
