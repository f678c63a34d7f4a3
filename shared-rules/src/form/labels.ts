// A readable zh-TW name for any cell of the definition, for messages ("決算 1、教育訓練 分配款金額", "歲入合計").
import { parseAddress, parseRange } from '../snapshot/a1';
import { type WorkbookDefinition } from '../definition/types';

export const cellLabel = (def: WorkbookDefinition, sheet: string, cell: string): string => {
  const at = parseAddress(cell);
  for (const f of def.fields) {
    if (f.sheet !== sheet || at === null) continue;
    if (f.kind === 'single' && f.cell === cell) return f.spec.label;
    const b = parseRange(f.kind === 'single' ? f.cell : f.ref);
    if (b === null || at.row < b.top || at.row > b.bottom || at.col < b.left || at.col > b.right) continue;
    if (f.kind === 'formula') return b.top === b.bottom && b.left === b.right ? f.label : `${f.label} 第 ${at.row} 列`;
    if (f.kind === 'single') return f.spec.label;
    const column = f.columns[at.col - b.left];
    const row = f.rows?.[at.row - b.top];
    const header = column?.header ?? '';
    if (row !== undefined) return f.columns.length > 1 ? `${row.label} ${header}` : row.label;
    return `第 ${at.row} 列 ${header}`;
  }
  // a formula cell outside every field: use the row's label in column A
  const spec = def.sheets.find((s) => s.name === sheet)?.cells.get(`A${at?.row ?? 0}`);
  return spec?.kind === 'label' ? spec.text : `${sheet}!${cell}`;
};
