// Which union, kind and period the open workbook would be filed as, read as the server reads an upload (shared extraction).
import { extractWorkbook, type WorkbookSnapshot } from '@portfund/shared-rules';
import { type FilingKey } from '../api/types';

/** 申報月份 3/6/9/12 is quarter 1–4 (the server's period rule); an application is quarter 0 of its year. */
const quarterOf = (period: number | null): number | null => (period !== null && [3, 6, 9, 12].includes(period) ? period / 3 : null);

/** null when the workbook is not one of ours or its UBN, year or period cannot be read (the server would refuse it). */
export const filingKeyOf = (snapshot: WorkbookSnapshot): FilingKey | null => {
  const data = extractWorkbook(snapshot);
  if (data === null || data.ubn === null || data.year === null) return null;
  const quarter = data.kind === 'cashbook' ? quarterOf(data.period) : 0;
  return quarter === null ? null : { kind: data.kind, ubn: data.ubn, year: data.year, quarter };
};
