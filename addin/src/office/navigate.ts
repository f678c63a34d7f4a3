// Navigation from a finding to its cell: activate the sheet, select the cell (one context.sync()).
/** Activates the sheet and selects the cell (or only activates the sheet when the finding has no cell). */
export const selectCell = (sheet: string, a1?: string): Promise<void> =>
  Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    if (a1 !== undefined) ws.getRange(a1).select();
    await context.sync();
  });
