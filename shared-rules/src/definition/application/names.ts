// Sheet names and the title formula shared by the application's seven sheets (SPEC §3).
import { cell, concat, ifBlank, str, sub, num, type Expr } from '../expr';

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
