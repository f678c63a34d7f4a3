// Which date system the open workbook counts serials in, so the pane reads a date cell as the server's reader does.
// Workbook.use1904DateSystem exists only in the preview API (ExcelApi BETA, in no released requirement set), so
// isSetSupported cannot vouch for it; DATE(1904,1,1) through workbook.functions (ExcelApi 1.2) answers the same question
// on every host — 0 in the 1904 system, 1462 in the 1900 one.
import { FUNCTIONS_EXCEL_API, isExcelApiSupported } from './host';

/** Queues the probe in the caller's batch; its answer is read after the next context.sync(). */
export const queueDateSystemProbe = (context: Excel.RequestContext): (() => boolean) => {
  // without workbook.functions the workbook is read as 1900, Excel's default (and the only system on Windows templates)
  if (!isExcelApiSupported(FUNCTIONS_EXCEL_API)) return () => false;
  const epoch1904 = context.workbook.functions.date(1904, 1, 1).load('value');
  return () => epoch1904.value === 0;
};
