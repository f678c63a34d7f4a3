// The fa.* rules of the application workbook (決算, SPEC §3.3).
import { type Rule } from '../../check/context';
import { allocationOverspent } from './allocation-overspent';
import { benefitWithoutSpend } from './benefit-without-spend';
import { interestOption } from './interest-option';
import { interestOverspent } from './interest-overspent';
import { surplusMismatch } from './surplus-mismatch';

export const faRules: readonly Rule[] = [allocationOverspent, interestOverspent, surplusMismatch, interestOption, benefitWithoutSpend];
