// Every workbook-level defined name of the definition, with absolute references, so any tool can fill or read by name.
import type ExcelJS from 'exceljs';
import { definedNames, type WorkbookDefinition } from '@portfund/shared-rules';

const quoteSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;

/** 'B13:D26' → '$B$13:$D$26' */
export const absoluteRef = (ref: string): string => ref.replace(/\$/g, '').replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');

export const addDefinedNames = (wb: ExcelJS.Workbook, def: WorkbookDefinition): void => {
  for (const [name, target] of definedNames(def)) wb.definedNames.add(`${quoteSheet(target.sheet)}!${absoluteRef(target.ref)}`, name);
};
