// What every rule receives: the definition, the flat form over the snapshot, the check options and shared lazy results.
import { type WorkbookDefinition } from '../definition/types';
import { type Finding } from '../findings/types';
import { type Form } from '../form/form';

export interface CheckOptions {
  /** The uploaded file's name, for file.name / file.name_mismatch. */
  readonly fileName?: string;
  /** Today's date (ISO yyyy-mm-dd) when a rule needs it; rules never read the clock. */
  readonly today?: string;
}

export interface CheckContext {
  readonly def: WorkbookDefinition;
  readonly form: Form;
  readonly options: CheckOptions;
  /** A result computed once per check and shared by rules (e.g. the ledger replay). */
  memo<T>(key: string, compute: () => T): T;
}

/** A rule: takes the context, returns findings; never throws for bad data (STYLE §4). */
export type Rule = (ctx: CheckContext) => readonly Finding[];

/** A check's context; `seeds` start its shared results (the incremental re-check hands in the patched ledger). */
export const createContext = (def: WorkbookDefinition, form: Form, options: CheckOptions, seeds: ReadonlyMap<string, unknown> = new Map()): CheckContext => {
  const cache = new Map<string, unknown>(seeds);
  return {
    def,
    form,
    options,
    memo<T>(key: string, compute: () => T): T {
      if (!cache.has(key)) cache.set(key, compute());
      return cache.get(key) as T;
    },
  };
};
