// The date.* rules of the application workbook (relations between dates; the dates themselves are read by rules/cell).
import { type Rule } from '../../check/context';
import { dateOutOfRange } from './out-of-range';

export const dateRules: readonly Rule[] = [dateOutOfRange];
