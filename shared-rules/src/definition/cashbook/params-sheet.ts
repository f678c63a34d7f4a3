// Sheet 參數表: the parameter table shown to the accountant (seed 004 §2.8(二)4), generated from params.ts.
import { cell, concat, ifBlank, str } from '../expr';
import { type BuiltSheet, SheetBuilder } from '../sheet-builder';
import { hasManualLayout, type TemplateVersion } from '../versions';
import { CB_CELLS, CB_SHEET } from './ledger-sheet';
import { type ParamTable } from './params';

export const PARAMS_SHEET = '參數表';

const TITLE = '現金收支登記簿參數表（字、項目、號請依本表由下拉選單點選，摘要(一)自動代出）';

export const buildParamsSheet = (release: TemplateVersion, params: ParamTable): BuiltSheet => {
  const b = new SheetBuilder(PARAMS_SHEET, 'white', false);
  if (release.paramsTitleFormula) {
    // "商港服務費福利專款 115年度現金收支登記簿參數表…": the year comes from 年度 like the ledger's own title
    const year = cell(CB_SHEET, CB_CELLS.year, 'cb_year');
    b.formula('A1', concat(str('商港服務費福利專款 '), ifBlank(year, str(''), concat(year, str('年度'))), str(TITLE)), 'text', 'title');
  } else {
    b.label('A1', TITLE, 'title');
  }
  ['字', '項目', '號', '摘要(一)', '動支類別', '動支帳戶'].forEach((h, i) => b.label(`${'ABCDEF'[i]}2`, h, 'header'));
  params.rows.forEach((p, i) => {
    const r = 3 + i;
    b.label(`A${r}`, p.zi).label(`B${r}`, p.item).label(`C${r}`, p.no).label(`D${r}`, p.summary);
    b.label(`E${r}`, p.categories.length === 0 ? '（不填）' : p.categories.join('、'));
    const accounts = p.zi === '轉' ? transferNote(p.no, p.accounts.join('、')) : p.accounts.join('、');
    b.label(`F${r}`, accounts);
  });
  return b.build({
    columns: [{ width: 5 }, { width: 20 }, { width: 7 }, { width: 56 }, { width: 28 }, { width: 36 }],
    merges: ['A1:F1'],
    freeze: 'A3',
    orientation: 'landscape',
    printTitleRows: '2:2',
    ...(hasManualLayout(release) ? { printArea: { ref: `A1:F${2 + params.rows.length}` }, fitRowHeights: true } : {}),
  });
};

/** 轉: the 動支帳戶 column names the 專戶 involved; the other side is fixed by the 號 (SPEC §4.1). */
const transferNote = (no: string, accounts: string): string => {
  switch (no) {
    case '1':
      return `${accounts}（轉出）→ 定期存款`;
    case '2':
      return `${accounts}（轉出）→ 零用金`;
    case '3':
      return `定期存款 → ${accounts}（轉入）`;
    case '4':
      return '定期存款（轉出）→ 零用金';
    case '5':
      return '專戶存款1（轉出）→ 專戶存款2';
    default:
      return '專戶存款2（轉出）→ 專戶存款1';
  }
};
