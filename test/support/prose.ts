// What a reader trips over in a zh-TW message: doubled or clashing punctuation, a word written twice, a space before
// full-width punctuation. Used by the tests that render messages (refusals, findings at scale, workbook fixtures).
const PROBLEMS: readonly (readonly [string, RegExp])[] = [
  ['doubled punctuation', /([。，、：；！？])\1/u],
  ['clashing punctuation', /[，、；：][。，、；：]|。[，、；：]/u],
  ['repeated word', /([\u4e00-\u9fff]{2,6})\1/u],
  ['repeated particle', /([的了是在請與及或])\1/u],
  ['space before full-width punctuation', /\s[，。、；：）」]/u],
];

/** The problems of one message, named ("repeated word: 檢查檢查"); empty when it reads cleanly. */
export const proseProblems = (text: string): string[] =>
  PROBLEMS.flatMap(([name, pattern]) => {
    const m = pattern.exec(text);
    return m === null ? [] : [`${name}: ${m[0]} in ${text}`];
  });
