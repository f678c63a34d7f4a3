// The Office.js adapter: the open workbook → the shared WorkbookSnapshot in three context.sync() calls whatever its size.
// 1: sheets, workbook names and the date system; 2: the used range of every sheet the rules read; 3: their cells, in blocks.
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
import { BLOCK_ROWS, isPayloadTooLarge, queueBlocks, readBlock, readBlockByBlock, type UsedSheet } from './blocks';
import { guardNames, guardUsedRange } from './bounds';
import { queueDateSystemProbe } from './date-system';

export { BLOCK_ROWS, FALLBACK_BLOCK_ROWS } from './blocks';

const VISIBILITY: Readonly<Record<string, SnapshotSheet['state']>> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };

/** The rules read the data sheets and _meta; the instructions sheet and the add-in's own _marks are skipped. */
const isReadBySheetRules = (name: string): boolean => !GENERATED_SHEETS.has(name);

/** Reads the workbook through an open request context; the caller owns Excel.run. */
export const readSnapshotIn = async (context: Excel.RequestContext, blockRows = BLOCK_ROWS): Promise<WorkbookSnapshot> => {
  const worksheets = context.workbook.worksheets.load('items/name,items/visibility');
  const namedItems = context.workbook.names.load('items/name,items/type,items/value');
  const isDate1904 = queueDateSystemProbe(context);
  await context.sync();
  const date1904 = isDate1904();

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

  let blocks = new Map(usedSheets.map(({ sheet, used }) => [sheet.name, queueBlocks(sheet, used, blockRows)]));
  try {
    if (blocks.size > 0) await context.sync();
  } catch (e) {
    if (!isPayloadTooLarge(e)) throw e;
    blocks = await readBlockByBlock(context, usedSheets);
  }

  const sheets: SnapshotSheet[] = sheetItems.map((item) => {
    const cells = new Map<string, SnapshotCell>();
    for (const block of blocks.get(item.name) ?? []) readBlock(block, cells, date1904);
    return { name: item.name, state: VISIBILITY[item.visibility] ?? 'visible', cells };
  });
  return { sheets, names };
};

/** The open workbook as a snapshot: Excel.run with three round trips. */
export const readWorkbookSnapshot = (): Promise<WorkbookSnapshot> => Excel.run((context) => readSnapshotIn(context));
