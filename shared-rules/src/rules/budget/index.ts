// The budget.* rules of the application workbook.
import { type Rule } from '../../check/context';

export const budgetRules: readonly Rule[] = [];
