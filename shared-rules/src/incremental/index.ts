// Incremental re-checking (the add-in after each edit): same findings as checkWorkbook, rules re-run only where an edit reaches.
export { type CellPatch, type IncrementalCheck, type Recheck, type RecheckMode, startIncrementalCheck } from './recheck';
export { patchLedger } from './ledger-patch';
