// The checker's .xlsx reader: straight from the zip to the shared WorkbookSnapshot, reading only what the rules use
// (cell values and formulas, sheet states, defined names, date styles). Several times faster and leaner than loading
// the whole exceljs model; an end-to-end test keeps it equal to the exceljs adapter on every fixture.
import { type DefinedNameTarget, type SnapshotSheet, type WorkbookSnapshot } from '@portfund/shared-rules';
import { parseNameRange } from '../exceljs-snapshot';
import { parseDateStyles, parseRelationships, parseSharedStrings, parseWorkbook, type SheetEntry, type WorkbookPart } from './parts';
import { readZipTexts } from './read-zip';
import { parseSheet, type SheetContext } from './sheet';

const WANTED = /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedstrings\.xml|styles\.xml|worksheets\/[^/]+\.xml)$/;

/** The unzipped parts of a workbook: its sheets in order with their XML, and what reading cells needs. */
export interface WorkbookParts {
  readonly workbook: WorkbookPart;
  readonly sheets: readonly { readonly entry: SheetEntry; readonly xml: string | undefined }[];
  readonly ctx: SheetContext;
}

export const readWorkbookParts = async (bytes: Buffer): Promise<WorkbookParts> => {
  const parts = await readZipTexts(bytes, (path) => WANTED.test(path));
  const part = (path: string): string | undefined => parts.get(path.toLowerCase());
  const workbookXml = part('xl/workbook.xml');
  if (workbookXml === undefined) throw new Error('no xl/workbook.xml');
  const workbook = parseWorkbook(workbookXml);
  const rels = parseRelationships(part('xl/_rels/workbook.xml.rels') ?? '', 'xl');
  const sharedStringsXml = part('xl/sharedStrings.xml');
  const stylesXml = part('xl/styles.xml');
  const ctx: SheetContext = {
    sharedStrings: sharedStringsXml === undefined ? [] : parseSharedStrings(sharedStringsXml),
    dateStyles: stylesXml === undefined ? [] : parseDateStyles(stylesXml),
    date1904: workbook.date1904,
  };
  const sheets = workbook.sheets.map((entry) => {
    const path = rels.get(entry.relId);
    return { entry, xml: path === undefined ? undefined : part(path) };
  });
  return { workbook, sheets, ctx };
};

export const readWorkbook = async (bytes: Buffer): Promise<WorkbookSnapshot> => {
  const { workbook, sheets: parts, ctx } = await readWorkbookParts(bytes);
  const sheets: SnapshotSheet[] = parts.map(({ entry, xml }) => ({
    name: entry.name,
    state: entry.state,
    cells: xml === undefined ? new Map() : parseSheet(xml, ctx),
  }));
  const names = new Map<string, DefinedNameTarget>();
  for (const n of workbook.names) {
    const target = parseNameRange(n.formula.split(',')[0] ?? '');
    if (target !== null) names.set(n.name, target);
  }
  return { sheets, names };
};
