// The roster.* rules of the application workbook.
import { type Rule } from '../../check/context';

export const rosterRules: readonly Rule[] = [];
