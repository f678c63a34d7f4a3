// The pane's check cycle: read the workbook, run the shared rules, write the marks; again (debounced) after every edit.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { markRuns, planMarks } from '../check/marks-plan';
import { type PaneCheck } from '../check/run-check';
import { createCheckSession, type ReadKind } from '../check/session';
import { type WorkbookHost } from '../office';
import { MARKS_FAILED, summaryText } from './labels';
import { type Announcement, NO_ANNOUNCEMENT } from './LiveRegion';

/** Quiet time after the last edit before re-checking: typing a row should not re-check after every cell. */
export const RECHECK_DELAY_MS = 800;

export type MarksState = 'none' | 'written' | 'cleared' | 'failed';

export interface ValidationState {
  readonly phase: 'idle' | 'checking' | 'done' | 'failed';
  readonly check: PaneCheck | null;
  readonly error: string | null;
  readonly marks: MarksState;
  readonly autoRecheck: 'pending' | 'on' | 'unsupported';
  /** Said after every check, even when the summary is the same as last time. */
  readonly announcement: Announcement;
  /** How the last check read the workbook (all of it, values only, or the edited cells). */
  readonly read: ReadKind | null;
}

export interface Validation extends ValidationState {
  validate(): Promise<void>;
  clearMarks(): Promise<void>;
}

const INITIAL: ValidationState = { phase: 'idle', check: null, error: null, marks: 'none', autoRecheck: 'pending', announcement: NO_ANNOUNCEMENT, read: null };

const next = (s: ValidationState, text: string): Announcement => ({ text, seq: s.announcement.seq + 1 });

const errorText = (e: unknown): string => (e instanceof Error && e.message !== '' ? e.message : String(e));

export const useValidation = (host: WorkbookHost): Validation => {
  const [state, setState] = useState<ValidationState>(INITIAL);
  const busy = useRef(false);
  const again = useRef(false);
  const session = useMemo(() => createCheckSession(host), [host]);

  const checkOnce = useCallback(async () => {
    setState((s) => ({ ...s, phase: 'checking', error: null }));
    try {
      const name = host.fileName();
      const { check, read } = await session.check(name === '' ? undefined : name);
      let marks: MarksState = 'none';
      if (check.marks.ok) {
        try {
          const outcome = await host.writeMarks(markRuns(planMarks(check.result.findings, check.marks.layout)));
          marks = outcome === 'done' ? 'written' : 'none';
        } catch {
          marks = 'failed';
        }
      }
      setState((s) => ({ ...s, phase: 'done', check, marks, read, announcement: next(s, `檢查完成：${summaryText(check.result.summary)}${marks === 'failed' ? `；${MARKS_FAILED.title}` : ''}`) }));
    } catch (e) {
      setState((s) => ({ ...s, phase: 'failed', error: errorText(e), announcement: next(s, '檢查失敗') }));
    }
  }, [host, session]);

  // checks never overlap: a request during a check runs one more check right after it
  const validate = useCallback(async () => {
    if (busy.current) {
      again.current = true;
      return;
    }
    busy.current = true;
    try {
      do {
        again.current = false;
        await checkOnce();
      } while (again.current);
    } finally {
      busy.current = false;
    }
  }, [checkOnce]);

  const clearMarks = useCallback(async () => {
    try {
      const outcome = await host.clearMarks();
      setState((s) =>
        outcome === 'done'
          ? { ...s, marks: 'cleared', announcement: next(s, '已清除儲存格標示') }
          : { ...s, marks: 'none', error: '此活頁簿沒有標示用的工作表，沒有可清除的標示。' },
      );
    } catch (e) {
      setState((s) => ({ ...s, marks: 'failed', error: `清除標示失敗：${errorText(e)}` }));
    }
  }, [host]);

  useEffect(() => {
    let cancelled = false;
    let stop: (() => Promise<void>) | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    void validate();
    host
      .watchChanges((change) => {
        session.noteChange(change);
        clearTimeout(timer);
        timer = setTimeout(() => void validate(), RECHECK_DELAY_MS);
      })
      .then((stopWatching) => {
        if (cancelled) {
          void stopWatching?.();
          return;
        }
        stop = stopWatching;
        session.setWatching(stopWatching !== null);
        setState((s) => ({ ...s, autoRecheck: stopWatching === null ? 'unsupported' : 'on' }));
      })
      .catch(() => setState((s) => ({ ...s, autoRecheck: 'unsupported' })));
    return () => {
      cancelled = true;
      clearTimeout(timer);
      void stop?.().catch(() => undefined);
    };
  }, [host, session, validate]);

  return { ...state, validate, clearMarks };
};
