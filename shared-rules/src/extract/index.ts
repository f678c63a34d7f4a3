// Extraction: a checked workbook snapshot → plain data (the server stores it; reports are SQL over it).
import { createContext, type CheckContext } from '../check/context';
import { Form } from '../form/form';
import { readCashbookPeriod } from '../ledger/read';
import { identifyTemplate } from '../rules/template/identify';
import { type WorkbookSnapshot } from '../snapshot/types';
import { cellText } from '../values/text';
import { applicationYear, extractApplication } from './application';
import { extractCashbook } from './cashbook';
import { type WorkbookData } from './types';

export * from './types';

const contextOf = (snapshot: WorkbookSnapshot): CheckContext | null => {
  const identified = identifyTemplate(snapshot);
  return identified.ok ? createContext(identified.def, new Form(identified.def, snapshot), {}) : null;
};

/** Null when the workbook is not one of our templates. */
export const extractWorkbook = (snapshot: WorkbookSnapshot): WorkbookData | null => {
  const ctx = contextOf(snapshot);
  if (ctx === null) return null;
  return ctx.def.kind === 'cashbook' ? extractCashbook(ctx) : extractApplication(ctx);
};

/** A cash book's 申報月份 (3/6/9/12) is its quarter (1–4); anything else has none. An application is quarter 0 of its year. */
export const quarterOfPeriod = (period: number | null): number | null => (period !== null && [3, 6, 9, 12].includes(period) ? period / 3 : null);

export interface FilingKeyData {
  readonly kind: WorkbookData['kind'];
  readonly ubn: string;
  readonly year: number;
  readonly quarter: number;
}

/** The filing a workbook would be: its kind, UBN, year and quarter (0 for an application), from the header cells only
 * (the entries are not read). Null when it is not one of our templates or any of them cannot be read. */
export const filingKeyOf = (snapshot: WorkbookSnapshot): FilingKeyData | null => {
  const ctx = contextOf(snapshot);
  if (ctx === null) return null;
  const cashbook = ctx.def.kind === 'cashbook';
  const ubn = cellText(ctx.form.single(cashbook ? 'cb_ubn' : 'app_ubn').raw);
  const { year, period } = cashbook ? readCashbookPeriod(ctx) : { year: applicationYear(ctx), period: null };
  const quarter = cashbook ? quarterOfPeriod(period) : 0;
  return ubn === null || year === null || quarter === null ? null : { kind: ctx.def.kind, ubn, year, quarter };
};
