// The checker's .xlsx reader: straight from the zip to the shared WorkbookSnapshot, reading only what the rules use
// (cell values and formulas, sheet states, defined names, date styles). Several times faster and leaner than loading
// the whole exceljs model; an end-to-end test keeps it equal to the exceljs adapter on every fixture.
import { type DefinedNameTarget, type SnapshotSheet, type WorkbookSnapshot } from '@portfund/shared-rules';
import { parseNameRange } from '../exceljs-snapshot';
import { parseDateStyles, parseRelationships, parseSharedStrings, parseWorkbook, type SheetEntry, type WorkbookPart } from './parts';
import { readZipTexts } from './read-zip';
import { parseSheet, type SheetContext } from './sheet';

const SMALL_PARTS = /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedstrings\.xml|styles\.xml)$/;
const SHEET_PARTS = /^xl\/worksheets\/[^/]+\.xml$/;

/** A workbook without its sheets' cells: its sheets in order with their part paths, and what reading cells needs. */
export interface WorkbookFrame {
  readonly workbook: WorkbookPart;
  readonly sheets: readonly { readonly entry: SheetEntry; readonly path: string | undefined }[];
  readonly ctx: SheetContext;
}

const frameOf = (parts: ReadonlyMap<string, string>): WorkbookFrame => {
  const workbookXml = parts.get('xl/workbook.xml');
  if (workbookXml === undefined) throw new Error('no xl/workbook.xml');
  const workbook = parseWorkbook(workbookXml);
  const rels = parseRelationships(parts.get('xl/_rels/workbook.xml.rels') ?? '', 'xl');
  const sharedStringsXml = parts.get('xl/sharedstrings.xml');
  const stylesXml = parts.get('xl/styles.xml');
  const ctx: SheetContext = {
    sharedStrings: sharedStringsXml === undefined ? [] : parseSharedStrings(sharedStringsXml),
    dateStyles: stylesXml === undefined ? [] : parseDateStyles(stylesXml),
    date1904: workbook.date1904,
  };
  return { workbook, sheets: workbook.sheets.map((entry) => ({ entry, path: rels.get(entry.relId)?.toLowerCase() })), ctx };
};

/** Only the small parts: for reading one sheet afterwards as a stream (large registry imports). */
export const readWorkbookFrame = async (bytes: Buffer): Promise<WorkbookFrame> => frameOf(await readZipTexts(bytes, (path) => SMALL_PARTS.test(path)));

export const readWorkbook = async (bytes: Buffer): Promise<WorkbookSnapshot> => {
  const parts = await readZipTexts(bytes, (path) => SMALL_PARTS.test(path) || SHEET_PARTS.test(path));
  const { workbook, sheets: entries, ctx } = frameOf(parts);
  const sheets: SnapshotSheet[] = entries.map(({ entry, path }) => {
    const xml = path === undefined ? undefined : parts.get(path);
    return { name: entry.name, state: entry.state, cells: xml === undefined ? new Map() : parseSheet(xml, ctx) };
  });
  const names = new Map<string, DefinedNameTarget>();
  for (const n of workbook.names) {
    const target = parseNameRange(n.formula.split(',')[0] ?? '');
    if (target !== null) names.set(n.name, target);
  }
  return { sheets, names };
};
