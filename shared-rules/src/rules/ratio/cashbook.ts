// The ratio.* rules over the cash book's year-to-date figures (seed 004 §1.3(一)、(六); SPEC §4.2).
import { type Rule } from '../../check/context';
import { cashbookAdminMax } from './cashbook-admin-max';
import { cashbookEducationMin } from './cashbook-education-min';

export const cashbookRatioRules: readonly Rule[] = [cashbookAdminMax, cashbookEducationMin];
