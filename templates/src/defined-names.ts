// Every workbook-level defined name of the definition, with absolute references, so any tool can fill or read by name.
// Written straight into workbook.xml when the workbook is finished: exceljs keeps a name as a matrix of every cell it
// covers (51,000 for cb_entries, 64,000 for each _marks block), which cost a fifth of a template's generation.
import { address, definedNames, parseRange, type PrintArea, type WorkbookDefinition } from '@portfund/shared-rules';

const quoteSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;

/** 'B13:D26' → '$B$13:$D$26' */
export const absoluteRef = (ref: string): string => ref.replace(/\$/g, '').replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** The <definedName> elements of the definition, in its order (as exceljs wrote them before). */
export const definedNamesXml = (def: WorkbookDefinition): string =>
  [...definedNames(def)]
    .map(([name, target]) => `<definedName name="${escapeXml(name)}">${escapeXml(`${quoteSheet(target.sheet)}!${absoluteRef(target.ref)}`)}</definedName>`)
    .join('');

/** workbook.xml with the names first in <definedNames> (made before <calcPr> when exceljs wrote none, CT_Workbook order). */
export const addDefinedNamesXml = (workbookXml: string, namesXml: string): string => {
  if (namesXml === '') return workbookXml;
  if (workbookXml.includes('<definedNames>')) return workbookXml.replace('<definedNames>', `<definedNames>${namesXml}`);
  const at = workbookXml.search(/<calcPr[\s>/]|<oleSize[\s>/]|<customWorkbookViews[\s>]|<pivotCaches[\s>]|<extLst[\s>]|<\/workbook>/);
  return `${workbookXml.slice(0, at)}<definedNames>${namesXml}</definedNames>${workbookXml.slice(at)}`;
};

/** A sheet's print area as Excel's formula: a fixed range, or one that ends at the last filled row of a growing table. */
export const printAreaFormula = (sheet: string, area: PrintArea): string => {
  const bounds = parseRange(area.ref);
  if (bounds === null) throw new Error(`bad print area ${area.ref}`);
  const q = quoteSheet(sheet);
  if (area.lastRowOf === undefined) return `${q}!${absoluteRef(area.ref)}`;
  const { columns, minRow } = area.lastRowOf;
  const rows = (col: string): string => `${q}!$${col}$${minRow + 1}:$${col}$${bounds.bottom}`;
  const filled = columns.map((col) => `(${rows(col)}<>"")`).join('+');
  // LOOKUP(2, 1/filled, ROW(…)) is the last row where any column is filled (1/0 errors are skipped)
  const lastRow = `MAX(${minRow},IFERROR(LOOKUP(2,1/(${filled}),ROW(${rows(columns[0] ?? 'A')})),${minRow}))`;
  // the fixed top (title to minRow) joined by the range operator to the rows filled: Excel prints the rectangle around
  // both; a reader that cannot evaluate the OFFSET (exceljs) still finds a plain range first
  const top = `${q}!${absoluteRef(`${address(bounds.top, bounds.left)}:${address(minRow, bounds.right)}`)}`;
  const height = bounds.top === 1 ? lastRow : `${lastRow}-${bounds.top - 1}`;
  const rowsFilled = `OFFSET(${q}!${absoluteRef(address(bounds.top, bounds.left))},0,0,${height},${bounds.right - bounds.left + 1})`;
  return `${top}:${rowsFilled}`;
};

/** _xlnm.Print_Area of each sheet that has one, by its position in the workbook (localSheetId). */
export const printAreasXml = (areas: readonly { readonly index: number; readonly sheet: string; readonly area: PrintArea }[]): string =>
  areas
    .map(({ index, sheet, area }) => `<definedName name="_xlnm.Print_Area" localSheetId="${index}">${escapeXml(printAreaFormula(sheet, area))}</definedName>`)
    .join('');
