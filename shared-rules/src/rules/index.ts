// Which rules run for which workbook kind. Template rules always run first (check/run.ts).
import { type Rule } from '../check/context';
import { type WorkbookKind } from '../definition/types';
import { budgetRules } from './budget';
import { compositeText } from './cell/composite-text';
import { fieldValues } from './cell/field-values';
import { forbiddenCells } from './cell/forbidden';
import { typedFormulas } from './cell/formula';
import { dateRules } from './date';
import { faRules } from './fa';
import { fileNameRule } from './file/name';
import { ledgerRules } from './ledger';
import { applicationRatioRules, cashbookRatioRules } from './ratio';
import { rosterRules } from './roster';
import { sumMismatch } from './sum/mismatch';
import { formulaOverwritten } from './template/formula-overwritten';
import { templateStructure } from './template/structure';
import { templateProtection } from './template/structure-protection';
import { trainingRules } from './training';
import { xsheetRules } from './xsheet';

export const TEMPLATE_RULES: readonly Rule[] = [templateStructure, templateProtection, formulaOverwritten];

const COMMON: readonly Rule[] = [fileNameRule, typedFormulas, fieldValues, forbiddenCells, compositeText, sumMismatch];

export const DATA_RULES: Readonly<Record<WorkbookKind, readonly Rule[]>> = {
  application: [...COMMON, ...dateRules, ...faRules, ...applicationRatioRules, ...xsheetRules, ...budgetRules, ...rosterRules, ...trainingRules],
  cashbook: [...COMMON, ...ledgerRules, ...cashbookRatioRules],
};
