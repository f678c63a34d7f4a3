// The xsheet.* rules of the application workbook.
import { type Rule } from '../../check/context';

export const xsheetRules: readonly Rule[] = [];
