// Dates of import files: Gregorian YYYY-MM-DD (seed 003), ROC yyyMMdd (SPEC §2) and ROC with separators as the union
// system shows them (seed 000 「成立日期：101-10-27」, also 101/10/27 and 101.10.27); the convention seen is returned.
import { type CellValue } from '../snapshot/types';
import { type DateWithFormat, parseRocDateText, readGregorianOrRoc } from '../values/roc-date';
import { fail, ok, type ValueResult } from '../values/result';
import { cleanText } from '../values/text';

// a 2–3 digit year can only be a ROC year (Gregorian years have 4 digits); one separator kind throughout
const ROC_SEPARATED = /^(\d{2,3})([-/.])(\d{1,2})\2(\d{1,2})$/;

export const readImportDate = (v: CellValue | undefined): ValueResult<DateWithFormat | null> => {
  const m = typeof v === 'string' ? ROC_SEPARATED.exec(cleanText(v)) : null;
  if (m === null) return readGregorianOrRoc(v);
  const digits = `${(m[1] ?? '').padStart(3, '0')}${(m[3] ?? '').padStart(2, '0')}${(m[4] ?? '').padStart(2, '0')}`;
  const roc = parseRocDateText(digits);
  return roc.ok ? ok({ date: roc.value, format: 'roc' }) : fail('date.roc_invalid', { ...roc.params, actual: cleanText(v as string) });
};
