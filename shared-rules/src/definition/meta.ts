// The very-hidden _meta sheet: template identity (tpl_kind, tpl_version, tpl_fingerprint) and the dropdown sources.
import { address, columnLetters } from '../snapshot/a1';
import { MARKS_SHEET } from './marks';
import { type WorkbookDefinition } from './types';

export const META_SHEET = '_meta';
export const INSTRUCTIONS_SHEET = '填表說明';

/**
 * Sheets no rule reads: the instructions are generated from the rule catalogue and the add-in writes _marks, so every
 * reader (the lean reader, the exceljs adapter, the Office.js adapter) leaves their cells out.
 */
export const GENERATED_SHEETS: ReadonlySet<string> = new Set([INSTRUCTIONS_SHEET, MARKS_SHEET]);

export const META_NAMES = { kind: 'tpl_kind', version: 'tpl_version', fingerprint: 'tpl_fingerprint' } as const;
export const META_CELLS = { kind: 'B1', version: 'B2', fingerprint: 'B3' } as const;

export interface MetaBlock {
  readonly name: string;
  /** Absolute range on _meta, e.g. 'D2:D4'. */
  readonly ref: string;
  readonly header: string;
  readonly rows: readonly (readonly (string | number)[])[];
}

/** Each list gets a column from D on (header in row 1, values from row 2); each lookup table two columns after them. */
export const metaBlocks = (def: WorkbookDefinition): MetaBlock[] => {
  const blocks: MetaBlock[] = [];
  let col = 4;
  for (const list of def.lists) {
    const top = 2;
    const bottom = top + list.values.length - 1;
    blocks.push({ name: list.name, ref: `${address(top, col)}:${address(bottom, col)}`, header: list.name, rows: list.values.map((v) => [v]) });
    col += 1;
  }
  for (const table of def.tables) {
    const top = 2;
    const bottom = top + table.rows.length - 1;
    blocks.push({
      name: table.name,
      ref: `${address(top, col)}:${columnLetters(col + 1)}${bottom}`,
      header: table.name,
      rows: table.rows,
    });
    col += 2;
  }
  return blocks;
};
