// Every workbook-level defined name a template carries, with its target: fields, formula names, meta, lists, marks.
import { metaBlocks, META_CELLS, META_NAMES, META_SHEET } from './meta';
import { MARKS_SHEET, marksLayout } from './marks';
import { formatRange, parseRange } from '../snapshot/a1';
import { type WorkbookDefinition } from './types';
import { findVersion, hasMarks } from './versions';

export interface NameTarget {
  readonly sheet: string;
  readonly ref: string;
}

const cache = new WeakMap<WorkbookDefinition, ReadonlyMap<string, NameTarget>>();

export const canonicalRef = (ref: string): string => {
  const b = parseRange(ref);
  return b === null ? ref.replace(/\$/g, '').toUpperCase() : formatRange(b);
};

export const definedNames = (def: WorkbookDefinition): ReadonlyMap<string, NameTarget> => {
  const hit = cache.get(def);
  if (hit !== undefined) return hit;
  const names = new Map<string, NameTarget>();
  for (const f of def.fields) names.set(f.name, { sheet: f.sheet, ref: f.kind === 'single' ? f.cell : f.ref });
  names.set(META_NAMES.kind, { sheet: META_SHEET, ref: META_CELLS.kind });
  names.set(META_NAMES.version, { sheet: META_SHEET, ref: META_CELLS.version });
  names.set(META_NAMES.fingerprint, { sheet: META_SHEET, ref: META_CELLS.fingerprint });
  for (const block of metaBlocks(def)) names.set(block.name, { sheet: META_SHEET, ref: block.ref });
  if (hasMarks(findVersion(def.version))) {
    for (const block of marksLayout(def.sheets).blocks) names.set(block.name, { sheet: MARKS_SHEET, ref: block.ref });
  }
  // one canonical form ('H2', not 'H2:H2'): Excel and exceljs write a one-cell name that way
  const canonical = new Map([...names].map(([n, t]) => [n, { sheet: t.sheet, ref: canonicalRef(t.ref) }]));
  cache.set(def, canonical);
  return canonical;
};
