// An ordinary e-mail address x@y.z: ASCII only, no spaces, one @, a dotted domain.
import type { TextCode } from '../findings/texts';
import type { CellValue } from '../snapshot/types';
import { hasFullWidth, toHalfWidth } from './fullwidth';
import { fail, ok, type ValueFailure, type ValueResult } from './result';
import { cellText, cleanText } from './text';

const MAX_LENGTH = 254;
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const TLD = /^[A-Za-z]{2,63}$/;

/** Why text is not an ordinary address, or null when it is one. */
const emailProblem = (text: string): TextCode | null => {
  if (text.length > MAX_LENGTH) return 'email.too_long';
  if (/\s/.test(text)) return 'email.space';
  if (/[^\x21-\x7e]/.test(text)) return 'email.non_ascii';
  const parts = text.split('@');
  if (parts.length !== 2) return 'email.one_at';
  const [local = '', domain = ''] = parts;
  if (local === '' || local.length > 64 || !LOCAL.test(local)) return 'email.local_part';
  const labels = domain.split('.');
  if (labels.length < 2) return 'email.domain_dot';
  if (!labels.every((label) => LABEL.test(label)) || !TLD.test(labels[labels.length - 1] ?? '')) return 'email.domain';
  return null;
};

const failure = (text: string, reason: TextCode, suggestion?: string): ValueFailure =>
  fail('contact.email_format', suggestion === undefined ? { actual: text, reason } : { actual: text, reason, suggestion });

/** Checks an e-mail address; full-width characters are cell.fullwidth with the half-width address suggested. */
export const checkEmail = (s: string): ValueResult<string> => {
  const text = cleanText(s);
  if (text === '') return failure(text, 'email.blank');
  if (hasFullWidth(text)) {
    const half = cleanText(toHalfWidth(text));
    return fail('cell.fullwidth', { actual: text, suggestion: half });
  }
  const problem = emailProblem(text);
  if (problem === null) return ok(text);
  // "mailto:" or a trailing dot are common paste leftovers.
  const trimmed = text.replace(/^mailto:/i, '').replace(/\.$/, '');
  return failure(text, problem, trimmed !== text && emailProblem(trimmed) === null ? trimmed : undefined);
};

/** Reads an e-mail cell; blank is null. */
export const readEmail = (v: CellValue | undefined): ValueResult<string | null> => {
  const shown = cellText(v);
  if (shown === null) return ok(null);
  if (typeof v !== 'string') return failure(shown, 'email.not_text');
  return checkEmail(v);
};
