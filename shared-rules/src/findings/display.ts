// How a value is written when a finding quotes it as actual/expected (dates in zh-TW, a blank cell): display, not a sentence.

/** 月/日 as written in zh-TW, e.g. '2月9日'. */
export const monthDayText = (month: number, day: number): string => `${month}月${day}日`;

/** A ledger date with its ROC year when known, e.g. '115年2月9日'. */
export const ledgerDateText = (year: number | null, month: number, day: number): string =>
  `${year === null ? '' : `${year}年`}${monthDayText(month, day)}`;

/** A blank cell, quoted as a value. */
export const BLANK = '（空白）';

/** A workbook kind as a file name says it, with its zh-TW name (file.name_mismatch's actual/expected). */
export const FILE_KIND_TEXT = { application: 'application（申請書）', cashbook: 'accounting（現金收支登記簿）' } as const;
