// The pane's check session: the first check reads the whole workbook; after an edit only the edited cells are read (one
// round trip) and re-checked incrementally; a change of structure reads it all again, and a re-check asked for by hand
// reads values only while every edit since was seen. Findings are always those of a full check of the workbook as it is.
import { type RecheckMode, startIncrementalCheck, type IncrementalCheck } from '@portfund/shared-rules';
import { type SheetChange, type WorkbookHost, type WorkbookRead } from '../office';
import { checkOptions, paneCheckOf, type PaneCheck } from './run-check';

/** How the workbook was read: all of it with formulas, all of it without (formulas known), or only the edited cells. */
export type ReadKind = 'full' | 'values' | 'changes';

export interface SessionCheck {
  readonly check: PaneCheck;
  readonly read: ReadKind;
  readonly mode: RecheckMode;
  /** Milliseconds spent in the rules (reading the workbook not included). */
  readonly ruleMs: number;
}

export interface CheckSession {
  /** An onChanged event: the next check reads these cells. */
  noteChange(change: SheetChange): void;
  /** Change events are on: every edit will be noted, so what was read stays true between checks. */
  setWatching(watching: boolean): void;
  check(fileName: string | undefined): Promise<SessionCheck>;
}

export const createCheckSession = (host: WorkbookHost, now: () => number = () => performance.now()): CheckSession => {
  let read: WorkbookRead | null = null;
  let checker: IncrementalCheck | null = null;
  let checkedName: string | undefined;
  let watching = false;
  /** The last whole read started with change events on: no edit since can have gone unseen. */
  let seenSinceRead = false;
  const pending: SheetChange[] = [];

  const timed = <T>(work: () => T): { value: T; ms: number } => {
    const start = now();
    const value = work();
    return { value, ms: now() - start };
  };

  const changed = async (state: WorkbookRead['state'], changes: readonly SheetChange[], fileName: string | undefined): Promise<SessionCheck | null> => {
    if (checker === null || fileName !== checkedName) return null;
    const inc = checker;
    const cells = await host.readChanges(state, changes);
    if (!cells.ok) return null;
    const { value, ms } = timed(() => inc.update(cells.patches));
    read = { snapshot: inc.snapshot(), state };
    return { check: paneCheckOf(read.snapshot, fileName, value.result), read: 'changes', mode: value.mode, ruleMs: ms };
  };

  const whole = async (fileName: string | undefined, valuesOnly: boolean): Promise<SessionCheck> => {
    const previous = valuesOnly && seenSinceRead && read !== null && checker !== null ? { snapshot: checker.snapshot(), state: read.state } : undefined;
    read = null;
    checker = null;
    seenSinceRead = watching;
    const fresh = await host.readWorkbook(previous);
    const { value, ms } = timed(() => startIncrementalCheck(fresh.snapshot, checkOptions(fileName)));
    read = { snapshot: value.snapshot(), state: fresh.state };
    checker = value;
    checkedName = fileName;
    // a re-read whose sheets and names held: Office.js loaded no formulas (readWorkbook kept the known ones)
    const kind: ReadKind = previous !== undefined && previous.state.structure === fresh.state.structure ? 'values' : 'full';
    return { check: paneCheckOf(read.snapshot, fileName, value.result), read: kind, mode: 'full', ruleMs: ms };
  };

  return {
    noteChange: (change) => {
      pending.push(change);
    },
    setWatching: (on) => {
      watching = on;
    },
    async check(fileName) {
      const changes = pending.splice(0);
      const state = read?.state;
      if (changes.length > 0 && state !== undefined && watching) {
        try {
          const done = await changed(state, changes, fileName);
          if (done !== null) return done;
        } catch {
          // a sheet gone since the event, a host refusing the range: read everything again
        }
        return whole(fileName, false);
      }
      // by hand, no edit pending: values only while change events kept the formulas known
      return whole(fileName, watching && changes.length === 0);
    },
  };
};
