// Sheet 申請書: application and union basic data (seed 004 §2.1; SPEC §3.1).
import { type BuiltSheet, SheetBuilder } from '../sheet-builder';
import { type FieldSpec } from '../types';
import { hasManualLayout, type TemplateVersion } from '../versions';
import { APP_SHEETS, titleExpr } from './names';

interface BasicRow {
  readonly name: string;
  readonly spec: FieldSpec;
}

const ROWS: readonly BasicRow[] = [
  { name: 'app_year', spec: { type: 'rocYear', label: '申請年度', required: true, min: 100, hint: '民國年 3 碼，例如 115（不可低於 100）；各表單年度自動引用' } },
  { name: 'app_union_name', spec: { type: 'text', label: '工會名稱', required: true, maxLength: 100, hint: '全名；各表單自動引用' } },
  { name: 'app_union_type', spec: { type: 'enum', label: '工會類型', required: true, list: 'union_type', hint: '下拉選擇：職業工會、企業工會、產業工會' } },
  { name: 'app_ubn', spec: { type: 'ubn', label: '統一編號', required: true, hint: '8 碼數字（作為上傳檢核依據，須與檔名相同）' } },
  { name: 'app_founded', spec: { type: 'rocDate', label: '成立日期', required: true, hint: '民國年月日 7 碼，例如 0840301' } },
  { name: 'app_dissolved', spec: { type: 'rocDate', label: '解散、合併日期', hint: '無解散或合併者免填；格式同成立日期' } },
  { name: 'app_port_work', spec: { type: 'text', label: '港區工作性質', required: true, maxLength: 150, hint: '依實際狀況填寫，最多 150 字' } },
  { name: 'app_account_name', spec: { type: 'text', label: '帳號戶名', required: true, maxLength: 100, hint: '全名' } },
  { name: 'app_bank_account', spec: { type: 'text', label: '行庫別名稱及帳號', required: true, maxLength: 100, format: 'bank_account', textKind: 'code', hint: '行庫全名及帳號，例如 台灣銀行OO分行000123456789' } },
  { name: 'app_address', spec: { type: 'text', label: '會址', required: true, maxLength: 150, format: 'address', hint: '郵遞區號 3 碼及住址' } },
  { name: 'app_phone', spec: { type: 'phone', label: '電話', required: true, hint: '加區域碼及「-」，例如 04-25670000' } },
  { name: 'app_fax', spec: { type: 'phone', label: '傳真', required: true, hint: '加區域碼及「-」，例如 04-25670000' } },
  { name: 'app_leader', spec: { type: 'text', label: '工會負責人（理事長或常務理事）', required: true, maxLength: 50, format: 'leader', hint: '人名加職稱，例如 黃OO理事長' } },
  { name: 'app_members', spec: { type: 'count', label: '會員人數', required: true, min: 1, maxDigits: 7, hint: '阿拉伯數字，須與會員名冊人數相同' } },
  { name: 'app_contact', spec: { type: 'text', label: '聯絡人', required: true, maxLength: 50, hint: '人名' } },
  { name: 'app_contact_phone', spec: { type: 'phone', label: '聯絡人電話', required: true, hint: '加區域碼及「-」，例如 04-25670000' } },
  { name: 'app_contact_email', spec: { type: 'email', label: '聯絡人電子信箱', required: true, hint: '例如 xxx@xxx.xxx.tw' } },
];

export const FIRST_ROW = 3;

export const buildBasicSheet = (release: TemplateVersion): BuiltSheet => {
  const b = new SheetBuilder(APP_SHEETS.basic, 'red');
  b.formula('A1', titleExpr('申請書', 0), 'text', 'title');
  b.label('A2', '項目', 'header').label('B2', '內容', 'header').label('C2', '填寫說明', 'header');
  ROWS.forEach((row, i) => {
    const r = FIRST_ROW + i;
    b.label(`A${r}`, row.spec.label);
    b.single(row.name, `B${r}`, row.spec);
    if (row.spec.hint !== undefined) b.label(`C${r}`, row.spec.hint, 'note');
  });
  return b.build({
    columns: [{ width: 30 }, { width: 48 }, { width: 52 }],
    merges: ['A1:C1'],
    freeze: 'A3',
    orientation: 'portrait',
    printTitleRows: '2:2',
    ...(hasManualLayout(release) ? { printArea: { ref: `A1:C${FIRST_ROW + ROWS.length - 1}` }, fitRowHeights: true } : {}),
  });
};
