// After an edit, only the edited ranges are read — with the sheets and names, to tell an edit from a change of structure —
// in one context.sync(), however many edits the debounce gathered and however large the workbook.
import { cellBeyondBounds, type CellPatch, parseRange, address, workbookBounds } from '@portfund/shared-rules';
import { CELL_PROPERTIES } from './blocks';
import { type ReadState, structureKey } from './snapshot';
import { snapshotCell } from './values';

/** One Worksheet.onChanged event: the sheet, and (ExcelApi 1.7) the edited address and the kind of change. */
export interface SheetChange {
  readonly sheet: string;
  readonly address?: string;
  /** 'RangeEdited' for an edit; rows, columns or cells inserted or deleted change the structure. */
  readonly changeType?: string;
}

/** More edited cells than this (a pasted block, a cleared column) are read with the whole workbook instead. */
export const MAX_CHANGED_CELLS = 20_000;

export type ChangesRead =
  | { readonly ok: true; readonly patches: readonly CellPatch[] }
  /** 'structure': rows, sheets or names changed, or an edit outside any template's bounds; 'large': too many cells. */
  | { readonly ok: false; readonly reason: 'structure' | 'large' };

const areaOf = (a1: string) => parseRange(a1.replace(/^.*!/, '').replace(/\$/g, ''));

/** Reads the cells the changes name; the caller owns Excel.run. Nothing is read for a change of structure. */
export const readChangesIn = async (context: Excel.RequestContext, state: ReadState, changes: readonly SheetChange[]): Promise<ChangesRead> => {
  const bounds = workbookBounds();
  const wanted = new Map<string, { sheet: string; address: string }>();
  let cells = 0;
  for (const change of changes) {
    if (change.changeType !== undefined && change.changeType !== 'RangeEdited') return { ok: false, reason: 'structure' };
    const area = change.address === undefined ? null : areaOf(change.address);
    if (area === null) return { ok: false, reason: 'structure' };
    if (cellBeyondBounds(change.sheet, area.bottom, area.right, bounds) !== null) return { ok: false, reason: 'structure' };
    // the rules never read the instructions sheet or _marks: the snapshot holds no cells there
    if (!state.cellSheets.includes(change.sheet)) continue;
    const key = `${change.sheet}!${area.top}:${area.left}:${area.bottom}:${area.right}`;
    if (wanted.has(key)) continue;
    cells += (area.bottom - area.top + 1) * (area.right - area.left + 1);
    if (cells > MAX_CHANGED_CELLS) return { ok: false, reason: 'large' };
    wanted.set(key, { sheet: change.sheet, address: `${address(area.top, area.left)}:${address(area.bottom, area.right)}` });
  }
  const worksheets = context.workbook.worksheets.load('items/name,items/visibility');
  const namedItems = context.workbook.names.load('items/name,items/type,items/value');
  const ranges = [...wanted.values()].map((w) => ({ ...w, range: context.workbook.worksheets.getItem(w.sheet).getRange(w.address).load(CELL_PROPERTIES) }));
  await context.sync();
  if (structureKey(worksheets.items, namedItems.items) !== state.structure) return { ok: false, reason: 'structure' };

  const patches: CellPatch[] = [];
  for (const { sheet, address: a1, range } of ranges) {
    const area = areaOf(a1);
    if (area === null) continue;
    const { values, formulas, numberFormat, valueTypes } = range;
    values.forEach((row, r) =>
      row.forEach((value: unknown, c) => {
        const cell = snapshotCell(value, formulas[r]?.[c], numberFormat[r]?.[c], valueTypes[r]?.[c] ?? 'Unknown', state.date1904);
        patches.push({ sheet, cell: address(area.top + r, area.left + c), value: cell });
      }),
    );
  }
  return { ok: true, patches };
};

/** The edited cells of the open workbook, in one Excel.run with one context.sync() (none for a change of structure). */
export const readChanges = (state: ReadState, changes: readonly SheetChange[]): Promise<ChangesRead> =>
  Excel.run((context) => readChangesIn(context, state, changes));
