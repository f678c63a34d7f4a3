// The very-hidden _meta sheet: template identity in B1:B3 and every dropdown list and lookup table at its block.
import type ExcelJS from 'exceljs';
import {
  fingerprint,
  META_CELLS,
  META_NAMES,
  metaBlocks,
  parseAddress,
  parseRange,
  type WorkbookDefinition,
} from '@portfund/shared-rules';

export const writeMetaSheet = (ws: ExcelJS.Worksheet, def: WorkbookDefinition): void => {
  const identity: readonly (readonly [string, string, string])[] = [
    [META_CELLS.kind, META_NAMES.kind, def.kind],
    [META_CELLS.version, META_NAMES.version, def.version],
    [META_CELLS.fingerprint, META_NAMES.fingerprint, fingerprint(def)],
  ];
  for (const [at, label, value] of identity) {
    const row = parseAddress(at)?.row ?? 0;
    ws.getCell(row, 1).value = label;
    ws.getCell(at).value = value;
  }
  ws.getColumn(1).width = 16;
  ws.getColumn(2).width = 66;
  for (const block of metaBlocks(def)) {
    const bounds = parseRange(block.ref);
    if (bounds === null) throw new Error(`_meta: bad block ${block.ref}`);
    ws.getCell(1, bounds.left).value = block.header;
    block.rows.forEach((row, r) => {
      row.forEach((value, c) => {
        ws.getCell(bounds.top + r, bounds.left + c).value = value;
      });
    });
  }
};
