// Every sub-code's zh-TW text, one catalogue beside the finding catalogue: a finding's {reason}, {expectedType}, {detail},
// {part}, {change}, {entry} or {diff} holds one of these codes with its named params, and the text is written only when the finding is shown.
import { FILE_TEXTS } from './file-texts';
import { IMPORT_RUN_TEXTS } from './import-run-texts';
import { RECON_TEXTS } from './recon-texts';
import { RULE_TEXTS } from './rule-texts';
import { TEMPLATE_TEXTS } from './template-rules';
import { type TextTemplate } from './template';
import { VALUE_TEXTS } from './values';

export type { TextFunction, TextTemplate } from './template';
export { shortfallText } from './rule-texts';

const texts = { ...VALUE_TEXTS, ...TEMPLATE_TEXTS, ...RULE_TEXTS, ...RECON_TEXTS, ...FILE_TEXTS, ...IMPORT_RUN_TEXTS };

export type TextCode = keyof typeof texts;

export const TEXTS: Readonly<Record<TextCode, TextTemplate>> = texts;

export const TEXT_CODES = Object.keys(texts) as TextCode[];

export const isTextCode = (code: string): code is TextCode => Object.prototype.hasOwnProperty.call(texts, code);
