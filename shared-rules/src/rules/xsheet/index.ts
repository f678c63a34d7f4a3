// The xsheet.* rules of the application workbook: figures that must agree between sheets (SPEC §3.4–§3.6).
import { type Rule } from '../../check/context';
import { planBudget } from './plan-budget';
import { trainingBeneficiaries } from './training-beneficiaries';
import { trainingCost } from './training-cost';

export const xsheetRules: readonly Rule[] = [trainingCost, trainingBeneficiaries, planBudget];
