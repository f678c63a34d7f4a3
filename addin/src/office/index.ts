// Everything the task pane asks of Excel, behind one interface (the UI never touches Office.js directly).
import { type MarkRun } from '../check/marks-plan';
import { type ChangesRead, readChanges, type SheetChange } from './changes';
import { watchWorkbookChanges, type StopWatching } from './events';
import { documentFileName, readDocumentFile } from './file';
import { EVENTS_EXCEL_API, isExcelApiSupported, isFileApiSupported } from './host';
import { clearMarks, writeMarks, type MarksOutcome } from './marks';
import { selectCell } from './navigate';
import { readWorkbook, type ReadState, type WorkbookRead } from './snapshot';

export interface WorkbookHost {
  /** The whole workbook; values only when `previous` (kept up to date by every edit since) still has its sheets and names. */
  readWorkbook(previous?: WorkbookRead): Promise<WorkbookRead>;
  /** Only the edited cells, in one round trip, or why the whole workbook must be read again. */
  readChanges(state: ReadState, changes: readonly SheetChange[]): Promise<ChangesRead>;
  fileName(): string;
  writeMarks(runs: readonly MarkRun[]): Promise<MarksOutcome>;
  clearMarks(): Promise<MarksOutcome>;
  selectCell(sheet: string, a1?: string): Promise<void>;
  /** null when the host has no change events. */
  watchChanges(onChange: (change: SheetChange) => void): Promise<StopWatching | null>;
  canWatchChanges(): boolean;
  canReadFile(): boolean;
  readFile(): Promise<Blob>;
}

export const officeHost: WorkbookHost = {
  readWorkbook,
  readChanges,
  fileName: documentFileName,
  writeMarks,
  clearMarks,
  selectCell,
  watchChanges: watchWorkbookChanges,
  canWatchChanges: () => isExcelApiSupported(EVENTS_EXCEL_API),
  canReadFile: isFileApiSupported,
  readFile: readDocumentFile,
};

export type { ChangesRead, MarksOutcome, ReadState, SheetChange, StopWatching, WorkbookRead };
