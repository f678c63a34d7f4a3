// Test-only helpers: unwrap a ValueResult or fail the test with what came back instead.
import { plainParams } from '../findings/make';
import { textOf } from '../findings/render';
import type { ValueResult } from './result';

export const valueOf = <T>(r: ValueResult<T>): T => {
  if (!r.ok) throw new Error(`expected ok, got ${r.code} ${JSON.stringify(r.params)}`);
  return r.value;
};

export const failureOf = <T>(r: ValueResult<T>) => {
  if (r.ok) throw new Error(`expected a failure, got ok ${JSON.stringify(r.value)}`);
  return r;
};

/** Strings no reader may throw on. */
export const HOSTILE: readonly string[] = [
  '',
  ' ',
  '\u0000\u0001\u001f\u007f',
  '\u202e0840301',
  '\ud800',
  '\udc00abc',
  '😀'.repeat(1000),
  ' '.repeat(100_000) + 'x',
  '0' + ' '.repeat(100_000) + '分機',
  '1' + '\u3000'.repeat(100_000) + 'x',
  '1'.repeat(100_000),
  '-'.repeat(50_000),
  'a@'.repeat(50_000),
  '0'.repeat(50_000) + '.' + '0'.repeat(50_000),
  '\u3000'.repeat(1000) + '1\u30002',
  '<script>alert(1)</script>',
  '=cmd|" /C calc"!A0',
];

/** The zh-TW text of a failure's reason sub-code, as a message shows it. */
export const reasonOf = <T>(r: ValueResult<T>): string => {
  const f = failureOf(r);
  const code = f.params.reason;
  return typeof code === 'string' ? textOf(code, plainParams(f.params)) : '';
};
