// Writes and clears the 'E'/'W' marks in the very-hidden, unprotected _marks sheet: one batch, one context.sync() each.
// The template's conditional formats read them, so cells turn red/yellow without unprotecting any sheet.
import { MARKS_SHEET } from '@portfund/shared-rules';
import { type MarkRun } from '../check/marks-plan';

/** 'no-marks-sheet': a template without _marks (version 1.0, or the sheet was removed) — nothing to write, not an error. */
export type MarksOutcome = 'done' | 'no-marks-sheet';

const isItemNotFound = (e: unknown): boolean => typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'ItemNotFound';

let writing = 0;

/** True while the add-in writes _marks, so change events caused by its own writes can be ignored. */
export const isWritingMarks = (): boolean => writing > 0;

const withWriting = async (work: () => Promise<void>): Promise<MarksOutcome> => {
  writing += 1;
  try {
    await work();
    return 'done';
  } catch (e) {
    if (isItemNotFound(e)) return 'no-marks-sheet';
    throw e;
  } finally {
    writing -= 1;
  }
};

const clearIn = (context: Excel.RequestContext): void => {
  context.workbook.worksheets.getItem(MARKS_SHEET).getUsedRange().clear('Contents');
};

/** Replaces every mark with the given runs (the caller checked that the template has _marks). */
export const writeMarks = (runs: readonly MarkRun[]): Promise<MarksOutcome> =>
  withWriting(() =>
    Excel.run(async (context) => {
      clearIn(context);
      const sheet = context.workbook.worksheets.getItem(MARKS_SHEET);
      for (const run of runs) sheet.getRange(run.address).values = [[...run.marks]];
      await context.sync();
    }),
  );

/** Empties the used range of _marks: every highlight disappears. */
export const clearMarks = (): Promise<MarksOutcome> =>
  withWriting(() =>
    Excel.run(async (context) => {
      clearIn(context);
      await context.sync();
    }),
  );
