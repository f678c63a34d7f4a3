// Refuses control characters in any query or JSON body string (and key) before a route sees them: PostgreSQL text cannot
// hold NUL, and no name, keyword or id contains a control character. Tab and line breaks stay allowed (opinions).
import { type RequestHandler } from 'express';
import { fieldLabel } from './validation-messages';
import { badRequest } from './errors';

// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** The path of the first string (or key) holding a control character, or null. */
const findControl = (value: unknown, path: readonly string[], depth = 0): readonly string[] | null => {
  if (typeof value === 'string') return CONTROL_CHARS.test(value) ? path : null;
  if (typeof value !== 'object' || value === null || depth > 20) return null;
  for (const [key, inner] of Object.entries(value)) {
    if (CONTROL_CHARS.test(key)) return [...path, key.replace(CONTROL_CHARS, '?')];
    const found = findControl(inner, [...path, key], depth + 1);
    if (found !== null) return found;
  }
  return null;
};

export const rejectControlCharacters: RequestHandler = (req, _res, next) => {
  const found = findControl(req.query, []) ?? findControl(req.body, []);
  if (found !== null) {
    const label = fieldLabel(found) ?? '請求內容';
    throw badRequest(`${label}含有控制字元（例如 NUL），請移除後再送出`, [{ path: found.join('.'), message: '含有控制字元' }]);
  }
  next();
};
