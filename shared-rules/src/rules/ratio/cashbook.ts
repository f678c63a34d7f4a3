// The ratio.* rules over the cash book's year-to-date figures.
import { type Rule } from '../../check/context';

export const cashbookRatioRules: readonly Rule[] = [];
