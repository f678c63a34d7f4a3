// The date.* rules of the application workbook.
import { type Rule } from '../../check/context';

export const dateRules: readonly Rule[] = [];
