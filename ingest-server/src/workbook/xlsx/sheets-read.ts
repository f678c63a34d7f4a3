// Sheets no rule reads: the instructions are generated from the rule catalogue and the add-in writes _marks, so both
// readers (and the Office.js adapter) leave their cells out; the lean reader only checks how large they are.
import { INSTRUCTIONS_SHEET, MARKS_SHEET } from '@portfund/shared-rules';

export const GENERATED_SHEETS: ReadonlySet<string> = new Set([INSTRUCTIONS_SHEET, MARKS_SHEET]);
