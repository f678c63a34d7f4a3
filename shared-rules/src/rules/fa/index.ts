// The fa.* rules of the application workbook.
import { type Rule } from '../../check/context';

export const faRules: readonly Rule[] = [];
