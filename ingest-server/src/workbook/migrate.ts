// Migration: the inputs of a workbook made from an older template version, written into a fresh current template.
import {
  buildDefinition,
  cellsOfRange,
  CURRENT_VERSION,
  isDateValue,
  isErrorValue,
  parseRange,
  type CellValue,
  type WorkbookKind,
  type WorkbookSnapshot,
} from '@portfund/shared-rules';
import { writeTemplate, type FillValues } from '@portfund/templates';

type Input = string | number | null;

const asInput = (v: CellValue): Input => {
  if (v === null || typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isDateValue(v)) return v.date;
  if (isErrorValue(v)) return null;
  return null;
};

/** Reads every input field of the old definition by its address and fills the same names in the current template. */
export const migrateSnapshot = async (snapshot: WorkbookSnapshot, kind: WorkbookKind, version: string): Promise<Buffer> => {
  const from = buildDefinition(kind, version);
  // a field a later version dropped has nowhere to go; a field it added stays blank
  const current = new Set(buildDefinition(kind, CURRENT_VERSION, from.options).fields.map((f) => f.name));
  const cells = new Map(snapshot.sheets.map((s) => [s.name, s.cells]));
  const read = (sheet: string, at: string): Input => asInput(cells.get(sheet)?.get(at)?.v ?? null);
  const fill: Record<string, Input | (Input | undefined)[][]> = {};
  for (const f of from.fields) {
    if (!current.has(f.name)) continue;
    if (f.kind === 'single') {
      fill[f.name] = read(f.sheet, f.cell);
    } else if (f.kind === 'range') {
      const b = parseRange(f.ref);
      if (b === null) continue;
      const spec = from.sheets.find((s) => s.name === f.sheet)?.cells;
      const all = cellsOfRange(f.ref);
      const width = b.right - b.left + 1;
      const rows: (Input | undefined)[][] = [];
      all.forEach((at, i) => {
        const r = Math.floor(i / width);
        (rows[r] ??= []).push(spec?.get(at)?.kind === 'input' ? read(f.sheet, at) : undefined);
      });
      fill[f.name] = rows;
    }
  }
  return writeTemplate(kind, { version: CURRENT_VERSION, fill: fill as FillValues, ...from.options });
};
