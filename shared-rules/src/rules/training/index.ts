// The training.* rules of the application workbook.
import { type Rule } from '../../check/context';

export const trainingRules: readonly Rule[] = [];
