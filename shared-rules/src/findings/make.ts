// Builds a finding from its code and named parameters; the message text comes from the catalogue only.
import { CATALOGUE, type FindingCode } from './catalogue';
import { type Finding, type Severity } from './types';

export type Param = string | number | { toString(): string };
export type Params = Readonly<Record<string, Param | undefined>>;

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

// long enough for every message part we write ourselves, short enough that a hostile 100,000-character cell stays harmless
const MAX_QUOTED = 200;

/** Makes any user-supplied text safe to quote in a message: no control characters, bounded length. */
export const quote = (value: unknown): string => {
  const text = value === null || value === undefined ? '' : String(value);
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, ' ');
  const chars = Array.from(clean);
  return chars.length > MAX_QUOTED ? `${chars.slice(0, MAX_QUOTED).join('')}…` : clean;
};

export const formatMessage = (template: string, params: Params): string =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key];
    return value === undefined ? '' : quote(value);
  });

export const makeFinding = (
  code: FindingCode,
  location: Location,
  params: Params = {},
  options: FindingOptions = {},
): Finding => {
  const entry = CATALOGUE[code];
  const expected = options.expected ?? params.expected;
  const actual = options.actual ?? params.actual;
  return {
    code,
    severity: options.severity ?? entry.severity,
    ...(location.sheet !== undefined ? { sheet: location.sheet } : {}),
    ...(location.cell !== undefined ? { cell: location.cell } : {}),
    ...(location.row !== undefined ? { row: location.row } : {}),
    ...(location.field !== undefined ? { field: location.field } : {}),
    message: formatMessage(entry.message, params),
    ...(expected !== undefined ? { expected: quote(expected) } : {}),
    ...(actual !== undefined ? { actual: quote(actual) } : {}),
    help: entry.explanation,
  };
};
