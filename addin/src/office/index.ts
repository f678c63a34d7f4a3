// Everything the task pane asks of Excel, behind one interface (the UI never touches Office.js directly).
import { type WorkbookSnapshot } from '@portfund/shared-rules';
import { type MarkRun } from '../check/marks-plan';
import { watchWorkbookChanges, type StopWatching } from './events';
import { documentFileName, readDocumentFile } from './file';
import { EVENTS_EXCEL_API, isExcelApiSupported, isFileApiSupported } from './host';
import { clearMarks, writeMarks, type MarksOutcome } from './marks';
import { selectCell } from './navigate';
import { readWorkbookSnapshot } from './snapshot';

export interface WorkbookHost {
  readSnapshot(): Promise<WorkbookSnapshot>;
  fileName(): string;
  writeMarks(runs: readonly MarkRun[]): Promise<MarksOutcome>;
  clearMarks(): Promise<MarksOutcome>;
  selectCell(sheet: string, a1?: string): Promise<void>;
  /** null when the host has no change events. */
  watchChanges(onChange: (sheet: string) => void): Promise<StopWatching | null>;
  canWatchChanges(): boolean;
  canReadFile(): boolean;
  readFile(): Promise<Blob>;
}

export const officeHost: WorkbookHost = {
  readSnapshot: readWorkbookSnapshot,
  fileName: documentFileName,
  writeMarks,
  clearMarks,
  selectCell,
  watchChanges: watchWorkbookChanges,
  canWatchChanges: () => isExcelApiSupported(EVENTS_EXCEL_API),
  canReadFile: isFileApiSupported,
  readFile: readDocumentFile,
};

export type { MarksOutcome, StopWatching };
