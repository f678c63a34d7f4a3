// Sheet names and the title formula shared by the application's seven sheets (SPEC §3).
import { cell, concat, ifBlank, str, sub, num, type Expr } from '../expr';
import { type SheetBuilder } from '../sheet-builder';
import { type CellRole } from '../types';

export const APP_SHEETS = {
  basic: '申請書',
  roster: '會員名冊',
  finalAccounts: '決算',
  trainingReport: '教育訓練成果',
  trainingExpenses: '教育訓練經費',
  workPlan: '工作計畫',
  budget: '預算',
} as const;

export const APP_YEAR_CELL = 'B3';
export const APP_UNION_NAME_CELL = 'B4';
export const APP_UNION_TYPE_CELL = 'B5';

const appYear = (): Expr => cell(APP_SHEETS.basic, APP_YEAR_CELL, 'app_year');
const unionName = (): Expr => cell(APP_SHEETS.basic, APP_UNION_NAME_CELL, 'app_union_name');

/** "○○工會 商港服務費福利專款 114年度決算運用情形": every sheet's title shows the year from 申請年度 (seed 004 §2.3(二)1). */
export const titleExpr = (what: string, yearOffset: 0 | -1): Expr =>
  concat(
    ifBlank(unionName(), str(''), concat(unionName(), str(' '))),
    str('商港服務費福利專款 '),
    ifBlank(appYear(), str(''), yearOffset === 0 ? appYear() : sub(appYear(), num(1))),
    str(`年度${what}`),
  );

/** The 申請年度 shifted by offset (−1 the 決算 year, −2 the year before it), blank while 申請年度 is blank. */
export const yearExpr = (offset: 0 | -1 | -2): Expr => ifBlank(appYear(), str(''), offset === 0 ? appYear() : sub(appYear(), num(-offset)));

/** A row label with the year printed in it as the seed prints it, e.g. 「1、114年度分配款金額」 (from 1.3, by formula). */
export const yearLabelExpr = (before: string, offset: 0 | -1 | -2, after: string): Expr => concat(str(before), yearExpr(offset), str(after));

export type YearLabel = (at: string, plain: string, before: string, offset: 0 | -1 | -2, after: string, role?: CellRole) => void;

/** Places row labels on b: from 1.3 (manual) a formula printing the year, before it the version's plain text. */
export const yearLabels =
  (b: SheetBuilder, manual: boolean): YearLabel =>
  (at, plain, before, offset, after, role = 'label') => {
    if (manual) b.formula(at, yearLabelExpr(before, offset, after), 'text', role);
    else b.label(at, plain, role);
  };
