// A WorkbookSnapshot as plain JSON-able data (Maps as entry arrays), so it can cross into a browser bundle and back.
import { type DefinedNameTarget, type SnapshotCell, type SnapshotSheet, type WorkbookSnapshot } from '@portfund/shared-rules';

export interface PlainSnapshot {
  readonly sheets: readonly { readonly name: string; readonly state?: SnapshotSheet['state']; readonly cells: readonly (readonly [string, SnapshotCell])[] }[];
  readonly names: readonly (readonly [string, DefinedNameTarget])[];
}

export const toPlainSnapshot = (s: WorkbookSnapshot): PlainSnapshot => ({
  sheets: s.sheets.map((sheet) => ({ name: sheet.name, ...(sheet.state !== undefined ? { state: sheet.state } : {}), cells: [...sheet.cells] })),
  names: [...s.names],
});

export const fromPlainSnapshot = (p: PlainSnapshot): WorkbookSnapshot => ({
  sheets: p.sheets.map((sheet) => ({ name: sheet.name, ...(sheet.state !== undefined ? { state: sheet.state } : {}), cells: new Map(sheet.cells) })),
  names: new Map(p.names),
});
