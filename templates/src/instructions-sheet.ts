// The first sheet, 填表說明, from instructionLines(def): general notes, one line per field, then the rule table.
import type ExcelJS from 'exceljs';
import {
  type CellRole,
  findVersion,
  hasManualLayout,
  type InstructionLine,
  instructionLines,
  type PrintArea,
  type WorkbookDefinition,
} from '@portfund/shared-rules';
import { footer, pageSetup } from './layout';
import { labelStyle } from './styles';

/** 代碼、等級、規則、說明、依據 */
const WIDTHS = [28, 7, 26, 72, 28] as const;
const FULL_WIDTH = WIDTHS.reduce((a, b) => a + b, 0);
const LINE_HEIGHT = 16;

const ROLE: Readonly<Record<InstructionLine['role'], CellRole>> = {
  title: 'title',
  section: 'section',
  header: 'header',
  text: 'label',
  rule: 'label',
};

/** Width in Excel character units: CJK and full-width characters take two. */
const textWidth = (text: string): number => [...text].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1), 0);

// Excel does not grow rows for wrapped text when it opens a file, so heights are estimated from the text.
const linesFor = (text: string, width: number): number => Math.max(1, Math.ceil(textWidth(text) / Math.max(1, width - 2)));

export const writeInstructionsSheet = (ws: ExcelJS.Worksheet, def: WorkbookDefinition): void => {
  const color = def.sheets[0]?.inputColor ?? 'red';
  WIDTHS.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  let headerRow: number | undefined;
  instructionLines(def).forEach((line, i) => {
    const r = i + 1;
    const row = ws.getRow(r);
    const style = labelStyle(ROLE[line.role], color);
    if (line.columns === undefined) {
      const cell = row.getCell(1);
      cell.value = line.text;
      cell.style = style;
      ws.mergeCells(r, 1, r, WIDTHS.length);
      row.height = line.role === 'title' ? 24 : linesFor(line.text, FULL_WIDTH) * LINE_HEIGHT;
      return;
    }
    if (line.role === 'header') headerRow ??= r;
    line.columns.forEach((text, c) => {
      const cell = row.getCell(c + 1);
      cell.value = text;
      cell.style = style;
    });
    row.height = Math.max(...line.columns.map((text, c) => linesFor(text, WIDTHS[c] ?? 10))) * LINE_HEIGHT;
  });
  ws.views = [{ state: 'normal' }];
  const release = findVersion(def.version);
  const manual = release !== undefined && hasManualLayout(release);
  // from 1.3 the rule table's header is not repeated: it would print above the manual's explanations on the first pages
  ws.pageSetup = pageSetup('landscape', headerRow === undefined || manual ? undefined : `${headerRow}:${headerRow}`);
  if (manual) ws.headerFooter = footer(true);
};

/** Every line of the sheet, across its five columns. */
export const instructionsPrintArea = (def: WorkbookDefinition): PrintArea => ({ ref: `A1:E${instructionLines(def).length}` });
