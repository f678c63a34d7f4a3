// The ratio.* rules over the application's 決算 and 預算.
import { type Rule } from '../../check/context';
import { adminMax } from './admin-max';
import { educationMin } from './education-min';
import { interestEducationMin } from './interest-education-min';

export const applicationRatioRules: readonly Rule[] = [educationMin, adminMax, interestEducationMin];
