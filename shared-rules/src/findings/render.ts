// The one place a finding becomes text: code + params → zh-TW message, through the catalogue and the sub-code texts (zod's late rendering).
import { CATALOGUE, isFindingCode, type CatalogueEntry } from './catalogue';
import { LEGACY_MESSAGE, SUB_CODE_PARAMS, type FindingParams } from './params';
import { TEXTS, type TextTemplate } from './texts';

// long enough for every message part we write ourselves, short enough that a hostile 100,000-character cell stays harmless
const MAX_QUOTED = 200;

const stripControls = (text: string): string =>
  // eslint-disable-next-line no-control-regex
  text.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, ' ');

/** Makes any user-supplied text safe to quote in a message: no control characters, bounded length. */
export const quote = (value: unknown): string => {
  const text = value === null || value === undefined ? '' : String(value);
  const chars = Array.from(stripControls(text));
  return chars.length > MAX_QUOTED ? `${chars.slice(0, MAX_QUOTED).join('')}…` : chars.join('');
};

/** The texts a render uses: the catalogue and the sub-code texts (a test may pass changed copies). */
export interface Wording {
  readonly catalogue: Readonly<Record<string, CatalogueEntry>>;
  readonly texts: Readonly<Record<string, TextTemplate>>;
}

export const WORDING: Wording = { catalogue: CATALOGUE, texts: TEXTS };

const SUB_CODE = new Set<string>(SUB_CODE_PARAMS);

/** Fills {name} slots: sub-code params become their own text (our words, whole), every other value is quoted. */
export const fillTemplate = (template: string, params: FindingParams, wording: Wording = WORDING): string =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) return '';
    if (SUB_CODE.has(key) && typeof value === 'string') return textOf(value, params, wording);
    return quote(value);
  });

/** The text of one sub-code with the finding's params; an unknown sub-code shows as itself (quoted), never throws. */
export const textOf = (code: string, params: FindingParams, wording: Wording = WORDING): string => {
  const text = wording.texts[code];
  if (text === undefined) return quote(code);
  if (typeof text === 'string') return fillTemplate(text, params, wording);
  return text(params, (key) => fillTemplate(`{${key}}`, params, wording));
};

/** The zh-TW message of a finding code with its params; a legacy row's stored text is shown as it was written. */
export const messageOf = (code: string, params: FindingParams, wording: Wording = WORDING): string => {
  const legacy = params[LEGACY_MESSAGE];
  if (typeof legacy === 'string') return stripControls(legacy);
  const entry = wording.catalogue[code];
  return entry === undefined ? quote(code) : fillTemplate(entry.message, params, wording);
};

/**
 * A result stored as a code and params outside a finding (an import run's message): a catalogue code reads as its
 * message, a sub-code as its text, a legacy row as the text it kept; no code is no message.
 */
export const storedMessageOf = (code: string | null, params: FindingParams, wording: Wording = WORDING): string => {
  if (typeof params[LEGACY_MESSAGE] === 'string' || (code !== null && wording.catalogue[code] !== undefined)) return messageOf(code ?? '', params, wording);
  return code === null ? '' : textOf(code, params, wording);
};

/** The zh-TW explanation of a code (the finding's help), when the catalogue knows it. */
export const helpOf = (code: string, wording: Wording = WORDING): string | undefined =>
  wording.catalogue[code]?.explanation ?? (isFindingCode(code) ? CATALOGUE[code].explanation : undefined);

/** Adds the rendered message and help to a finding kept as code + params: what every edge (API, CLI, add-in, exports) shows. */
export const renderFinding = <F extends { readonly code: string; readonly params: FindingParams }>(
  finding: F,
  wording: Wording = WORDING,
): F & { readonly message: string; readonly help?: string } => {
  const help = helpOf(finding.code, wording);
  return { ...finding, message: messageOf(finding.code, finding.params, wording), ...(help !== undefined ? { help } : {}) };
};

/** The zh-TW text of a reason (a sub-code with its params), for the few places that show one outside a finding. */
export const reasonText = (reason: { readonly reason: string } & FindingParams, wording: Wording = WORDING): string => textOf(reason.reason, reason, wording);

/** A rendered finding in SPEC §7's shape alone (the CLI's JSON): its params stay behind once the message is written. */
export const withoutParams = <F extends { readonly params: FindingParams }>(finding: F): Omit<F, 'params'> => {
  const { params: _params, ...shown } = finding;
  return shown;
};
