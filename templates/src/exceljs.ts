// exceljs, loaded on first use: importing it costs ~0.3 s of CPU, which only what writes a workbook with it (template
// generation, XLSX exports and reports) should pay — never a server start, a check or a server test that writes none.
import type ExcelJS from 'exceljs';

let loaded: typeof ExcelJS | undefined;

// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, not at import
export const exceljs = (): typeof ExcelJS => (loaded ??= require('exceljs') as typeof ExcelJS);
