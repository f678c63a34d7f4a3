// The outcome of reading one value: the value, or the finding code and message params the rule layer turns into a finding.
import type { FindingCode } from '../findings/catalogue';
import type { Params } from '../findings/make';
import type { Severity } from '../findings/types';

/** A failure may soften the catalogue's severity (full-width digits in prose are only a warning). */
export type ValueResult<T> = { ok: true; value: T } | { ok: false; code: FindingCode; params: Params; severity?: Severity };

/** A failed read; assignable to every ValueResult<T>. */
export type ValueFailure = Extract<ValueResult<unknown>, { ok: false }>;

export const ok = <T>(value: T): ValueResult<T> => ({ ok: true, value });

export const fail = (code: FindingCode, params: Params, severity?: Severity): ValueFailure =>
  severity === undefined ? { ok: false, code, params } : { ok: false, code, params, severity };

/** Keeps optional params out of the object when they are unknown (so messages never show "undefined"). */
export const withSuggestion = (params: Params, suggestion: string | null | undefined): Params =>
  suggestion === null || suggestion === undefined ? params : { ...params, suggestion };
