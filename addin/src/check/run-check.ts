// Runs exactly the shared rules over a snapshot and works out how the template can show marks (the pane's one check call).
import {
  checkWorkbook,
  filingKeyOf,
  findVersion,
  hasMarks,
  identifyTemplate,
  MARKS_SHEET,
  marksLayout,
  type CheckOptions,
  type CheckResult,
  type MarksLayout,
  type WorkbookSnapshot,
} from '@portfund/shared-rules';
import { type FilingKey } from '../api/server';

/** Why cells cannot be marked: not our template, a template version without _marks (1.0), or _marks removed. */
export type MarksSupport = { readonly ok: true; readonly layout: MarksLayout } | { readonly ok: false; readonly reason: 'unknown-template' | 'old-version' | 'no-marks-sheet' };

export interface PaneCheck {
  readonly result: CheckResult;
  /** The workbook's file name; undefined for a workbook never saved (file-name rules are then skipped). */
  readonly fileName: string | undefined;
  readonly marks: MarksSupport;
  /** Sheet names in workbook order (for grouping findings). */
  readonly sheetOrder: readonly string[];
  /** The union and period the workbook files as (to find a returned earlier version on the server). */
  readonly filingKey: FilingKey | null;
}

export const marksSupport = (snapshot: WorkbookSnapshot): MarksSupport => {
  const identified = identifyTemplate(snapshot);
  if (!identified.ok) return { ok: false, reason: 'unknown-template' };
  if (!hasMarks(findVersion(identified.def.version))) return { ok: false, reason: 'old-version' };
  if (!snapshot.sheets.some((s) => s.name === MARKS_SHEET)) return { ok: false, reason: 'no-marks-sheet' };
  return { ok: true, layout: marksLayout(identified.def.sheets) };
};

/** The check options of a workbook's file name (undefined for one never saved: file-name rules are then skipped). */
export const checkOptions = (fileName: string | undefined): CheckOptions => (fileName === undefined ? {} : { fileName });

export const runCheck = (snapshot: WorkbookSnapshot, fileName: string | undefined): PaneCheck =>
  paneCheckOf(snapshot, fileName, checkWorkbook(snapshot, checkOptions(fileName)));

/** What the pane shows for a result already computed (by a full or an incremental check of the snapshot). */
export const paneCheckOf = (snapshot: WorkbookSnapshot, fileName: string | undefined, result: CheckResult): PaneCheck => ({
  result,
  fileName,
  marks: marksSupport(snapshot),
  sheetOrder: snapshot.sheets.map((s) => s.name),
  filingKey: filingKeyOf(snapshot),
});
