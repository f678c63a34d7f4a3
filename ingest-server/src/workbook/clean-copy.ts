// A reviewer's clean copy (issue 14): a fresh template of the filing's own version filled with the filing's values —
// the same cells, values and findings when re-checked, none of what else the uploaded file carried (external links,
// embeddings, names, styles, macros). A formula that reaches outside the workbook (DDE, another file, a web call) is
// never carried: its cached value is written instead.
import { activeFormula, type WorkbookKind, type WorkbookSnapshot } from '@portfund/shared-rules';
import { openWorkbookBytes, WORKBOOK_LIMITS } from './gate/input-gate';
import { fillFromSnapshot } from './migrate';
import { readWorkbookEntries } from './read/read-workbook';

// beyond what the upload gate refuses (activeFormula: DDE, web and code calls, other workbooks), the copy carries no
// link, no indirect reference and nothing naming a path or an address: a reviewer's copy holds values there instead
const NOT_COPIED = /\||\[|\b(?:HYPERLINK|INDIRECT)\s*\(|[a-z]:\\|\\\\|https?:/i;

/** True when a formula stays inside the workbook and calls nothing outside it. */
export const isInertFormula = (formula: string): boolean => activeFormula(formula) === null && !NOT_COPIED.test(formula);

/** The clean copy's bytes: the template of `version` with the snapshot's inputs (and whatever was typed over its formulas). */
export const cleanCopy = (snapshot: WorkbookSnapshot, kind: WorkbookKind, version: string): Promise<Buffer> =>
  fillFromSnapshot(snapshot, kind, version, version, { keepFormula: isInertFormula, sameVersion: true });

/** A stored file's clean copy (it passed the gate when filed; read again as a precaution): what a check worker runs. */
export const cleanCopyOfFile = async (bytes: Buffer, kind: WorkbookKind, version: string): Promise<Buffer> => {
  const gate = await openWorkbookBytes(bytes, WORKBOOK_LIMITS);
  if (!gate.ok) throw new Error(`a stored file no longer passes the input gate (${gate.reason.reason})`);
  const snapshot = await readWorkbookEntries(gate.zip).finally(() => gate.zip.close());
  return cleanCopy(snapshot, kind, version);
};
