// A finding's parameters: plain JSON values kept with the finding (and stored), turned into text only when shown.

export type ParamValue = string | number;
export type FindingParams = Readonly<Record<string, ParamValue>>;

/** Params whose value is a sub-code of findings/texts (its own zh-TW text with named params), never a sentence. */
export const SUB_CODE_PARAMS = ['reason', 'expectedType', 'detail', 'part', 'change', 'entry', 'diff'] as const;
export type SubCodeParam = (typeof SUB_CODE_PARAMS)[number];

/** What a stored row holds when its old message could not be parsed back into params (see the params migration). */
export const LEGACY_MESSAGE = 'legacyMessage';
