// Change events for automatic re-checks: Worksheet.onChanged (ExcelApi 1.7, feature-detected) on every sheet but _marks,
// so the add-in's own mark writes never trigger a re-check; the writing flag covers hosts that report them anyway.
import { MARKS_SHEET } from '@portfund/shared-rules';
import { EVENTS_EXCEL_API, isExcelApiSupported } from './host';
import { type SheetChange } from './changes';
import { isWritingMarks } from './marks';

export type StopWatching = () => Promise<void>;

/** Calls onChange with the sheet, address and kind of change after a user edit; null when the host has no change events (the pane offers 重新檢查). */
export const watchWorkbookChanges = async (onChange: (change: SheetChange) => void): Promise<StopWatching | null> => {
  if (!isExcelApiSupported(EVENTS_EXCEL_API)) return null;
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets.load('items/name');
    await context.sync();
    const handlers = sheets.items
      .filter((s) => s.name !== MARKS_SHEET)
      .map((sheet) => {
        const name = sheet.name;
        return sheet.onChanged.add(async (event?: Excel.WorksheetChangedEventArgs) => {
          if (!isWritingMarks()) onChange({ sheet: name, address: event?.address, changeType: event?.changeType });
        });
      });
    await context.sync();
    return async () => {
      await Excel.run(context, async (ctx) => {
        for (const h of handlers) h.remove();
        await ctx.sync();
      });
    };
  });
};
