// Builds a finding from its code and named parameters; rules never write text: the message comes from the catalogue
// through renderFinding (findings/render.ts), and sub-code params name their text in findings/texts.
import { CATALOGUE, type FindingCode } from './catalogue';
import { type FindingParams, type ParamValue, type SubCodeParam } from './params';
import { quote, renderFinding } from './render';
import { type TextCode } from './texts';
import { type Finding, type Severity } from './types';

export type Param = string | number | { toString(): string };
/** Sub-code params (reason, expectedType, detail, part; change, entry, diff) take a text code: a rule cannot pass a sentence there. */
export type Params = { readonly [K in SubCodeParam]?: TextCode } & { readonly [key: string]: Param | undefined };

/** A sub-code with its named params (a value check's or reader's reason), spread into a finding's params. */
export type Reason = { readonly reason: TextCode } & { readonly [key: string]: ParamValue };

export interface Location {
  readonly sheet?: string;
  readonly cell?: string;
  readonly row?: number;
  readonly field?: string;
}

export interface FindingOptions {
  /** Overrides the catalogue's default severity (e.g. ratio.admin_max is a warning before December). */
  readonly severity?: Severity;
  readonly expected?: Param;
  readonly actual?: Param;
}

/** Params as plain JSON values: unknown ones dropped, Decimals and the like as their text. */
export const plainParams = (params: Params): FindingParams => {
  const out: Record<string, ParamValue> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    out[key] = typeof value === 'number' || typeof value === 'string' ? value : String(value);
  }
  return out;
};

export { quote };

export const makeFinding = (
  code: FindingCode,
  location: Location,
  params: Params = {},
  options: FindingOptions = {},
): Finding => {
  const expected = options.expected ?? params.expected;
  const actual = options.actual ?? params.actual;
  return renderFinding({
    code,
    severity: options.severity ?? CATALOGUE[code].severity,
    ...(location.sheet !== undefined ? { sheet: location.sheet } : {}),
    ...(location.cell !== undefined ? { cell: location.cell } : {}),
    ...(location.row !== undefined ? { row: location.row } : {}),
    ...(location.field !== undefined ? { field: location.field } : {}),
    params: plainParams(params),
    ...(expected !== undefined ? { expected: quote(expected) } : {}),
    ...(actual !== undefined ? { actual: quote(actual) } : {}),
  });
};
