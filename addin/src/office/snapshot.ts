// The Office.js adapter: the open workbook → the shared WorkbookSnapshot in four context.sync() calls whatever its size
// (more only where Excel on the web refuses a response over 5 MB: see readInRounds). 1: sheets, workbook names and the
// date system; 2: the used range of every sheet the rules read; 3: their values (what the rules consume: 2.05 MB for a
// 5,000-entry cash book); 4: their formula text (~7.5 MB of it), apart, once per open. A re-read whose sheets and names
// are those of the last read (kept up to date by every edit's read, which brings the edited cells' formulas) takes the
// formulas from it: three round trips, no formula text.
import {
  GENERATED_SHEETS,
  META_NAMES,
  META_SHEET,
  parseSheetReference,
  type DefinedNameTarget,
  type SnapshotCell,
  type SnapshotSheet,
  type WorkbookSnapshot,
} from '@portfund/shared-rules';
import { BLOCK_ROWS, FORMULA_PROPERTIES, formulaTexts, type KnownFormula, readBlock, readInRounds, type UsedSheet, VALUE_PROPERTIES } from './blocks';
import { guardNames, guardUsedRange } from './bounds';
import { queueDateSystemProbe } from './date-system';

export { BLOCK_ROWS } from './blocks';

const VISIBILITY: Readonly<Record<string, SnapshotSheet['state']>> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };

/** The rules read the data sheets and _meta; the instructions sheet and the add-in's own _marks are skipped. */
const isReadBySheetRules = (name: string): boolean => !GENERATED_SHEETS.has(name);

/** What a later read of the same workbook needs from this one. */
export interface ReadState {
  /** Sheets (name, visibility) and workbook names as read: when they differ, the workbook's structure changed. */
  readonly structure: string;
  readonly date1904: boolean;
  /** The sheets whose cells the snapshot holds (none for a workbook that is not one of ours). */
  readonly cellSheets: readonly string[];
}

export interface WorkbookRead {
  readonly snapshot: WorkbookSnapshot;
  readonly state: ReadState;
}

export const structureKey = (
  sheets: readonly { readonly name: string; readonly visibility: unknown }[],
  names: readonly { readonly name: string; readonly type: unknown; readonly value: unknown }[],
): string => JSON.stringify([sheets.map((s) => [s.name, s.visibility]), names.map((n) => [n.name, n.type, n.value])]);

/** Formula text by sheet and cell from an earlier snapshot ('=' included, as Office.js reports it). */
const formulasOf = (snapshot: WorkbookSnapshot | null, sheet: string): KnownFormula => {
  const cells = snapshot?.sheets.find((s) => s.name === sheet)?.cells;
  return (a1) => {
    const f = cells?.get(a1)?.f;
    return f === undefined ? undefined : `=${f}`;
  };
};

/**
 * Reads the workbook through an open request context; the caller owns Excel.run. With `previous` (a read kept up to date
 * by every edit since), a workbook whose sheets and names are unchanged is read without its formulas.
 */
export const readWorkbookIn = async (context: Excel.RequestContext, blockRows = BLOCK_ROWS, previous?: WorkbookRead): Promise<WorkbookRead> => {
  const worksheets = context.workbook.worksheets.load('items/name,items/visibility');
  const namedItems = context.workbook.names.load('items/name,items/type,items/value');
  const isDate1904 = queueDateSystemProbe(context);
  await context.sync();
  const date1904 = isDate1904();
  const structure = structureKey(worksheets.items, namedItems.items);

  // bounds from the definition, never from the file: a name larger than a template's is refused before any range loads
  guardNames(namedItems.items);
  const names = new Map<string, DefinedNameTarget>();
  for (const item of namedItems.items) {
    const target = item.type === 'Range' && typeof item.value === 'string' ? parseSheetReference(item.value) : null;
    if (target !== null) names.set(item.name, target);
  }
  const sheetItems = worksheets.items;
  // a workbook that is not one of ours: no cells to read (the rules answer template.unknown from the names alone)
  const ours = sheetItems.some((s) => s.name === META_SHEET) || names.has(META_NAMES.kind);
  const toRead = ours ? sheetItems.filter((s) => isReadBySheetRules(s.name)) : [];

  const ranges = toRead.map((sheet) => ({ sheet, range: sheet.getUsedRange(true).load('rowIndex,columnIndex,rowCount,columnCount') }));
  if (ranges.length > 0) await context.sync();
  const usedSheets: UsedSheet[] = ranges.map(({ sheet, range }) => ({
    sheet,
    used: { rowIndex: range.rowIndex, columnIndex: range.columnIndex, rowCount: range.rowCount, columnCount: range.columnCount },
  }));
  for (const { sheet, used } of usedSheets) guardUsedRange(sheet.name, used);

  const known = previous !== undefined && previous.state.structure === structure && previous.state.date1904 === date1904 ? previous.snapshot : null;
  const blocks = await readInRounds(context, usedSheets, VALUE_PROPERTIES, blockRows);
  // the formula text only when not known: three quarters of a whole read's bytes, and no rule's input but template.structure's
  const formulas = known === null ? await readInRounds(context, usedSheets, FORMULA_PROPERTIES, blockRows) : null;

  const sheets: SnapshotSheet[] = sheetItems.map((item) => {
    const cells = new Map<string, SnapshotCell>();
    const read = formulas === null ? null : formulaTexts(formulas.get(item.name) ?? []);
    const knownFormula: KnownFormula = read === null ? formulasOf(known, item.name) : (a1) => read.get(a1);
    for (const block of blocks.get(item.name) ?? []) readBlock(block, cells, date1904, knownFormula);
    return { name: item.name, state: VISIBILITY[item.visibility] ?? 'visible', cells };
  });
  return { snapshot: { sheets, names }, state: { structure, date1904, cellSheets: toRead.map((s) => s.name) } };
};

/** Reads the workbook through an open request context; the caller owns Excel.run. */
export const readSnapshotIn = async (context: Excel.RequestContext, blockRows = BLOCK_ROWS): Promise<WorkbookSnapshot> =>
  (await readWorkbookIn(context, blockRows)).snapshot;

/** The open workbook as a snapshot: Excel.run with four round trips. */
export const readWorkbookSnapshot = (): Promise<WorkbookSnapshot> => Excel.run((context) => readSnapshotIn(context));

/** The open workbook and what a later read or an edit needs from this read (values only when `previous` still holds). */
export const readWorkbook = (previous?: WorkbookRead): Promise<WorkbookRead> => Excel.run((context) => readWorkbookIn(context, BLOCK_ROWS, previous));
