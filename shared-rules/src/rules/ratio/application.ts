// The ratio.* rules over the application's 決算 and 預算.
import { type Rule } from '../../check/context';

export const applicationRatioRules: readonly Rule[] = [];
