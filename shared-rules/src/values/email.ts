// An ordinary e-mail address x@y.z: ASCII only, no spaces, one @, a dotted domain.
import type { CellValue } from '../snapshot/types';
import { hasFullWidth, toHalfWidth } from './fullwidth';
import { fail, ok, type ValueFailure, type ValueResult } from './result';
import { cellText, cleanText } from './text';

const MAX_LENGTH = 254;
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const TLD = /^[A-Za-z]{2,63}$/;

/** Why text is not an ordinary address, or null when it is one. */
const emailProblem = (text: string): string | null => {
  if (text.length > MAX_LENGTH) return '長度超過 254 字元';
  if (/\s/.test(text)) return '不可含空白';
  if (/[^\x21-\x7e]/.test(text)) return '不可含中文、全形或其他非英數字元';
  const parts = text.split('@');
  if (parts.length !== 2) return '須恰有一個「@」';
  const [local = '', domain = ''] = parts;
  if (local === '' || local.length > 64 || !LOCAL.test(local)) return '「@」前的帳號格式錯誤';
  const labels = domain.split('.');
  if (labels.length < 2) return '「@」後的網域須含「.」，例如 example.com.tw';
  if (!labels.every((label) => LABEL.test(label)) || !TLD.test(labels[labels.length - 1] ?? '')) return '「@」後的網域格式錯誤';
  return null;
};

const failure = (text: string, reason: string, suggestion?: string): ValueFailure =>
  fail('contact.email_format', suggestion === undefined ? { actual: text, reason } : { actual: text, reason, suggestion });

/** Checks an e-mail address; full-width characters are cell.fullwidth with the half-width address suggested. */
export const checkEmail = (s: string): ValueResult<string> => {
  const text = cleanText(s);
  if (text === '') return failure(text, '未填電子信箱');
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
  if (typeof v !== 'string') return failure(shown, '須為電子信箱文字');
  return checkEmail(v);
};
