// The outcome of reading one value: the value, or the finding code and message params the rule layer turns into a finding.
import type { FindingCode } from '../findings/catalogue';
import type { Params } from '../findings/make';

export type ValueResult<T> = { ok: true; value: T } | { ok: false; code: FindingCode; params: Params };

/** A failed read; assignable to every ValueResult<T>. */
export type ValueFailure = Extract<ValueResult<unknown>, { ok: false }>;

export const ok = <T>(value: T): ValueResult<T> => ({ ok: true, value });

export const fail = (code: FindingCode, params: Params): ValueFailure => ({ ok: false, code, params });

/** Keeps optional params out of the object when they are unknown (so messages never show "undefined"). */
export const withSuggestion = (params: Params, suggestion: string | null | undefined): Params =>
  suggestion === null || suggestion === undefined ? params : { ...params, suggestion };
