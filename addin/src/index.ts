// @portfund/addin: the Excel task pane. Other packages only ever need the adapter and the check it runs.
export { readSnapshotIn, readWorkbookSnapshot, BLOCK_ROWS } from './office/snapshot';
export { snapshotCell } from './office/values';
export { runCheck, marksSupport, type PaneCheck, type MarksSupport } from './check/run-check';
export { planMarks, markRuns, type Mark, type MarkRun } from './check/marks-plan';
