// Reads a finding message stored as text back into its params with the templates frozen when it was written; the
// result is kept only if today's renderer writes the very same text from it (else the row keeps its text as it was).
import { LEGACY_MESSAGE, messageOf, type FindingParams, type ParamValue } from '@portfund/shared-rules';
import { MESSAGES, SUB_CODES, TEXTS } from './20261207120000_finding_params.templates';

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const compiled = new Map<string, { regex: RegExp; names: readonly string[] }>();

/** A template as an anchored regex, one lazy named group per {param} (a repeated param must match the same text). */
const regexOf = (template: string): { regex: RegExp; names: readonly string[] } => {
  const known = compiled.get(template);
  if (known !== undefined) return known;
  const names: string[] = [];
  const source = template
    .split(/(\{\w+\})/)
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (name === undefined) return escape(part);
      if (names.includes(name)) return `\\k<${name}>`;
      names.push(name);
      return `(?<${name}>[\\s\\S]*?)`;
    })
    .join('');
  const result = { regex: new RegExp(`^${source}$`, 'u'), names };
  compiled.set(template, result);
  return result;
};

const match = (template: string, text: string): Record<string, string> | null => {
  const { regex } = regexOf(template);
  const m = regex.exec(text);
  return m === null ? null : { ...(m.groups ?? {}) };
};

/** The sub-code (and its params) whose frozen text reads as `text`, among the prefixes the finding code allows. */
const subCodeOf = (text: string, prefixes: readonly string[]): Record<string, string> | null => {
  for (const [code, variants] of Object.entries(TEXTS)) {
    if (!prefixes.some((p) => code.startsWith(p))) continue;
    for (const variant of variants) {
      const params = match(variant, text);
      if (params !== null) return { ...params, __code: code };
    }
  }
  return null;
};

/** Params from an old message, or null when the frozen templates cannot read it. */
export const parseMessage = (code: string, message: string): FindingParams | null => {
  const template = MESSAGES[code];
  if (template === undefined) return null;
  const groups = match(template, message);
  if (groups === null) return null;
  const params: Record<string, ParamValue> = {};
  const subParams = SUB_CODES[code] ?? {};
  for (const [name, value] of Object.entries(groups)) {
    const prefixes = subParams[name];
    if (prefixes === undefined) {
      params[name] = value;
      continue;
    }
    // an empty {detail} was a detail not given
    if (value === '' && name === 'detail') continue;
    const sub = subCodeOf(value, prefixes);
    if (sub === null) return null;
    const { __code, ...inner } = sub;
    Object.assign(params, inner);
    params[name] = __code ?? '';
  }
  return params;
};

/** What a stored row's params become: parsed params that render the same text today, else its text kept as it was. */
export const paramsFromMessage = (code: string, message: string): FindingParams => {
  const parsed = parseMessage(code, message);
  return parsed !== null && messageOf(code, parsed) === message ? parsed : { [LEGACY_MESSAGE]: message };
};
