// Column widths, row heights, frozen panes and A4 page setup of one sheet.
import type ExcelJS from 'exceljs';
import { parseAddress, type SheetLayout } from '@portfund/shared-rules';

const A4 = 9 as ExcelJS.PaperSize;

/** A4, as wide as one page and as long as needed, with the header rows repeated on each page. */
export const pageSetup = (orientation: 'portrait' | 'landscape', printTitleRows: string | undefined): Partial<ExcelJS.PageSetup> => ({
  paperSize: A4,
  orientation,
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  ...(printTitleRows === undefined ? {} : { printTitlesRow: printTitleRows }),
});

/** Page footer; from 1.3 (sheets with a print area) it names the sheet, so each printed page says which form it is. */
export const footer = (named: boolean): Partial<ExcelJS.HeaderFooter> => ({ oddFooter: named ? '&L&A&C第 &P 頁，共 &N 頁' : '&C第 &P 頁，共 &N 頁' });

/** fitted: heights grown for wrapped labels (row-heights.ts), over the layout's own. */
export const applyLayout = (ws: ExcelJS.Worksheet, layout: SheetLayout, fitted: ReadonlyMap<number, number> = new Map()): void => {
  layout.columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });
  for (const [row, height] of layout.rowHeights ?? []) ws.getRow(row).height = height;
  for (const [row, height] of fitted) ws.getRow(row).height = height;
  const freeze = layout.freeze === undefined ? null : parseAddress(layout.freeze);
  ws.views =
    freeze === null
      ? [{ state: 'normal' }]
      : [{ state: 'frozen', xSplit: freeze.col - 1, ySplit: freeze.row - 1, topLeftCell: layout.freeze }];
  ws.pageSetup = pageSetup(layout.orientation, layout.printTitleRows);
  ws.headerFooter = footer(layout.printArea !== undefined);
};
