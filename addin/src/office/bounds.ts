// The definition's bounds in the add-in: a workbook whose names or used ranges are larger than any template of ours is
// refused before its cells are loaded (Office.js would otherwise hand over a whole sheet), with file.unreadable's text.
import { cellBeyondBounds, definedNamesBeyondBounds, messageOf, type Reason, workbookBounds } from '@portfund/shared-rules';
import { type Dimensions } from './blocks';

/** Thrown instead of reading: the message is the zh-TW file.unreadable text the pane shows. */
export class WorkbookRefused extends Error {
  constructor(readonly reason: Reason) {
    super(messageOf('file.unreadable', reason));
  }
}

/** Refuses names larger than the definition allows (a table redefined as a whole sheet) or too many of them. */
export const guardNames = (names: readonly { readonly name: string; readonly value: unknown }[]): void => {
  const formulas = names.map((n) => ({ name: n.name, formula: typeof n.value === 'string' ? n.value : '' }));
  const refused = definedNamesBeyondBounds(formulas);
  if (refused !== null) throw new WorkbookRefused(refused);
};

/** Refuses a used range reaching past the last row or column a template of ours has. */
export const guardUsedRange = (sheetName: string, used: Dimensions): void => {
  if (used.rowCount === 0 || used.columnCount === 0) return;
  const refused = cellBeyondBounds(sheetName, used.rowIndex + used.rowCount, used.columnIndex + used.columnCount, workbookBounds());
  if (refused !== null) throw new WorkbookRefused(refused);
};
