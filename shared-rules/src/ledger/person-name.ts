// 摘要(二) read as the member's name for the per-person caps (seed 004 §1.3(二)–(五), §2.8(二)3(4) "記錄會員姓名"):
// the workbook's ledger.person_cap and the server's cross-filing cap group by the same key, so a note cannot split a person.
import { cleanText } from '../values/text';

// a bracket and what follows up to its closing bracket (or to the end, when a long note was cut off)
const BRACKETED = /[([{【〔〈《][^)\]}】〕〉》]*(?:[)\]}】〕〉》]|$)/gu;
const BRACKETS = /[()[\]{}【】〔〕〈〉《》]/g;

export interface PersonName {
  /** The grouping key: NFKC (full-width brackets and letters), bracketed event text and every space removed; never shown. */
  readonly key: string;
  /** The name as it reads without the bracketed text, e.g. 王小明 for 「王小明（颱風）」. */
  readonly name: string;
  /** True when the note carried bracketed text beside the name (the checker asks for the name alone). */
  readonly annotated: boolean;
}

/** 摘要(二) as a person: 「王小明(颱風)」, 「王小明（颱風）」 and 「王 小明」 all count for 王小明. */
export const personName = (note: string): PersonName => {
  const text = cleanText(note.normalize('NFKC'));
  const stripped = cleanText(text.replace(BRACKETED, ' '));
  // a note that is all brackets keeps its words: there is no name outside them to prefer
  const name = stripped === '' ? cleanText(text.replace(BRACKETS, ' ')) : stripped;
  return { key: name.replace(/\s+/g, ''), name, annotated: stripped !== '' && stripped !== text };
};
