// The checker's .xlsx reader: straight from the zip to the shared WorkbookSnapshot, reading only what the rules use
// (cell values and formulas, sheet states, defined names, date styles, validations, protection, unlocked cells). Each
// sheet is read as it inflates, within limits measured on real templates; the sheets no rule reads (the generated
// instructions, the add-in's _marks) are only size-checked. An end-to-end test keeps it equal to the exceljs adapter.
import {
  activeFormula,
  definedNamesBeyondBounds,
  type DefinedNameTarget,
  GENERATED_SHEETS,
  parseSheetReference,
  type SnapshotSheet,
  type WorkbookBounds,
  workbookBounds,
  type WorkbookSnapshot,
} from '@portfund/shared-rules';
import { partTooLargeReason, readerReasons } from '../gate/reasons';
import { parseCellStyles, parseRelationships, parseSharedStrings, parseWorkbook, type SheetEntry, type WorkbookPart } from './parts';
import { openZipEntries, type ZipEntries } from '../zip-archive';
import { readSheet, ReadLimitError, type CellBudget, type SheetContext, type SheetLimits } from './sheet';

const MB = 1024 * 1024;

export interface ReaderLimits extends SheetLimits {
  /** <c> elements in the whole workbook. */
  readonly maxCells: number;
  /** Each of workbook.xml, its relationships, styles.xml and sharedStrings.xml. */
  readonly maxSmallPartBytes: number;
  /** Areas of all data validations of one sheet. */
  readonly maxValidationAreas: number;
  /** The sheets the template generates and no rule reads, by name: never parsed, only their size is checked. */
  readonly maxGeneratedSheetBytes: Readonly<Record<string, number>>;
}

// Measured on generated workbooks (cash book with 20,000 entries; application with a 2,000-member roster, both full):
// 320,156 <c> elements, rows ≤ 2.3 K characters, ≤ 10 K characters outside rows per sheet, ≤ 27 validation areas per
// sheet, sharedStrings 0.43 MB, 填表說明 23 KB, _marks empty (≈ 7 MB if the add-in marked every input of 20,000 rows).
export const READER_LIMITS: ReaderLimits = Object.freeze({
  maxCells: 1_000_000,
  maxRowChars: 2 * MB, // a full 16,384-column row of short values still fits
  maxOtherChars: 4 * MB,
  maxSmallPartBytes: 32 * MB,
  maxValidationAreas: 10_000,
  maxGeneratedSheetBytes: Object.freeze({ 填表說明: 1 * MB, _marks: 32 * MB }),
});

const SMALL_PARTS = /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedstrings\.xml|styles\.xml)$/;

/** A workbook without its sheets' cells: its sheets in order with their part paths, and what reading cells needs. */
export interface WorkbookFrame {
  readonly workbook: WorkbookPart;
  readonly sheets: readonly { readonly entry: SheetEntry; readonly path: string | undefined }[];
  readonly ctx: SheetContext;
}

const frameOf = (parts: ReadonlyMap<string, string>, bounds?: WorkbookBounds): WorkbookFrame => {
  const workbookXml = parts.get('xl/workbook.xml');
  if (workbookXml === undefined) throw new Error('no xl/workbook.xml');
  const workbook = parseWorkbook(workbookXml, bounds);
  // names are judged before the shared strings, styles or any cell is read, and before any rule sizes a table by them
  if (bounds !== undefined) refuseNames(workbook, bounds);
  const rels = parseRelationships(parts.get('xl/_rels/workbook.xml.rels') ?? '', 'xl');
  const sharedStringsXml = parts.get('xl/sharedstrings.xml');
  const stylesXml = parts.get('xl/styles.xml');
  const styles = stylesXml === undefined ? { dateStyles: [], unlockedStyles: [] } : parseCellStyles(stylesXml, bounds);
  const ctx: SheetContext = {
    sharedStrings: sharedStringsXml === undefined ? [] : parseSharedStrings(sharedStringsXml, bounds),
    dateStyles: styles.dateStyles,
    unlockedStyles: styles.unlockedStyles,
    date1904: workbook.date1904,
  };
  return { workbook, sheets: workbook.sheets.map((entry) => ({ entry, path: rels.get(entry.relId)?.toLowerCase() })), ctx };
};

/** A name larger than the definition allows, too many names, or a name that calls out (DDE, another workbook…). */
const refuseNames = (workbook: WorkbookPart, bounds: WorkbookBounds): void => {
  const beyond = definedNamesBeyondBounds(workbook.allNames, bounds);
  if (beyond !== null) throw new ReadLimitError(beyond);
  for (const { name, formula } of workbook.allNames) {
    const active = activeFormula(formula);
    if (active !== null) throw new ReadLimitError({ reason: 'reader.active_name', name, ...active });
  }
};

/** The small parts, each at most maxBytes (none: the gate's limits alone). */
const readSmallParts = async (zip: ZipEntries, maxBytes = Infinity): Promise<Map<string, string>> => {
  const parts = new Map<string, string>();
  for (const [path, size] of zip.sizes) {
    if (!SMALL_PARTS.test(path)) continue;
    if (size > maxBytes) throw new ReadLimitError(partTooLargeReason(path, size, maxBytes));
    const text = await zip.text(path);
    if (text !== undefined) parts.set(path, text);
  }
  return parts;
};

const areaCount = (sheet: SnapshotSheet): number => (sheet.validations ?? []).reduce((n, v) => n + v.sqref.split(' ').length, 0);

const readOneSheet = async (
  zip: ZipEntries,
  entry: SheetEntry,
  path: string | undefined,
  frame: WorkbookFrame,
  limits: ReaderLimits,
  budget: CellBudget,
  bounds: WorkbookBounds,
): Promise<SnapshotSheet> => {
  const base = { name: entry.name, state: entry.state };
  const size = path === undefined ? undefined : zip.sizes.get(path);
  if (path === undefined || size === undefined) return { ...base, cells: new Map() };
  if (GENERATED_SHEETS.has(entry.name)) {
    const cap = limits.maxGeneratedSheetBytes[entry.name] ?? 0;
    if (size > cap) throw new ReadLimitError(readerReasons.generatedSheetTooLarge(entry.name, size, cap));
    return { ...base, cells: new Map() };
  }
  const parsed = await readSheet(zip.chunks(path), frame.ctx, limits, budget, { sheetName: entry.name, bounds });
  const sheet = { ...base, ...parsed };
  if (areaCount(sheet) > limits.maxValidationAreas) throw new ReadLimitError(readerReasons.tooManyValidationAreas(entry.name, limits.maxValidationAreas));
  return sheet;
};

/** Only the small parts: for reading one sheet afterwards as a stream (large registry imports). */
export const readWorkbookFrame = async (zip: ZipEntries): Promise<WorkbookFrame> => frameOf(await readSmallParts(zip));

/**
 * The snapshot of an open workbook (the input gate's handle; the caller closes it). Throws XmlError for XML that is
 * not well-formed and ReadLimitError (a zh-TW reason) for a workbook over a limit.
 */
export const readWorkbookEntries = async (zip: ZipEntries, limits: ReaderLimits = READER_LIMITS): Promise<WorkbookSnapshot> => {
  const bounds = workbookBounds();
  const frame = frameOf(await readSmallParts(zip, limits.maxSmallPartBytes), bounds);
  const budget: CellBudget = { remaining: limits.maxCells, limit: limits.maxCells };
  const sheets: SnapshotSheet[] = [];
  for (const { entry, path } of frame.sheets) sheets.push(await readOneSheet(zip, entry, path, frame, limits, budget, bounds));
  const names = new Map<string, DefinedNameTarget>();
  for (const n of frame.workbook.names) {
    const target = parseSheetReference(n.formula);
    if (target !== null) names.set(n.name, target);
  }
  return { sheets, names };
};

/** Opens, reads and closes bytes that are not gated here (the parity test and benchmarks compare readers on them). */
export const readWorkbook = async (bytes: Buffer, limits: ReaderLimits = READER_LIMITS): Promise<WorkbookSnapshot> => {
  const zip = await openZipEntries(bytes);
  try {
    return await readWorkbookEntries(zip, limits);
  } finally {
    zip.close();
  }
};
