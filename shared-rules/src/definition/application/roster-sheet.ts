// Sheet 會員名冊: one member per row (seed 004 §2.2; SPEC §3.2). The last column's label follows 工會類型.
import { cell, ifEq, str } from '../expr';
import { type BuiltSheet, SheetBuilder } from '../sheet-builder';
import { type TableColumn } from '../types';
import { hasManualLayout, type TemplateVersion } from '../versions';
import { APP_SHEETS, APP_UNION_TYPE_CELL, titleExpr } from './names';

export const ROSTER_COLUMNS: readonly TableColumn[] = [
  { key: 'seq', header: '序號', spec: { type: 'count', label: '序號', maxDigits: 5 } },
  { key: 'name', header: '姓名', spec: { type: 'text', label: '姓名', required: true, maxLength: 50 } },
  { key: 'gender', header: '性別', spec: { type: 'enum', label: '性別', required: true, list: 'gender' } },
  { key: 'id', header: '身分證字號', spec: { type: 'nationalId', label: '身分證字號', required: true } },
  { key: 'birth', header: '出生日期', spec: { type: 'rocDate', label: '出生日期', required: true } },
  { key: 'joined', header: '入會日期', spec: { type: 'rocDate', label: '入會日期', required: true } },
  { key: 'occupation', header: '職業類別／服務部門', spec: { type: 'text', label: '職業類別／服務部門', required: true, maxLength: 50 } },
];

export const ROSTER_HEADER_ROW = 3;
export const DEFAULT_ROSTER_ROWS = 2000;

export const buildRosterSheet = (rowCount: number, release: TemplateVersion): BuiltSheet => {
  const b = new SheetBuilder(APP_SHEETS.roster, 'red');
  b.formula('A1', titleExpr('會員名冊', 0), 'text', 'title');
  b.label('A2', '一列填一位會員；空白列不檢查。日期為民國年月日 7 碼，例如 0840301。', 'note');
  ROSTER_COLUMNS.slice(0, 6).forEach((column, i) => b.label(`${'ABCDEF'[i]}${ROSTER_HEADER_ROW}`, column.header, 'header'));
  // 職業工會 lists 職業類別; 企業/產業工會 list 服務部門 (seed 004 §2.2)
  const unionType = cell(APP_SHEETS.basic, APP_UNION_TYPE_CELL, 'app_union_type');
  b.formula(
    `G${ROSTER_HEADER_ROW}`,
    ifEq(unionType, str('職業工會'), str('職業類別'), ifEq(unionType, str(''), str('職業類別／服務部門'), str('服務部門'))),
    'text',
    'header',
  );
  b.range({ name: 'roster_rows', at: `A${ROSTER_HEADER_ROW + 1}`, columns: ROSTER_COLUMNS, rowCount });
  return b.build({
    columns: [{ width: 7 }, { width: 14 }, { width: 7 }, { width: 14 }, { width: 11 }, { width: 11 }, { width: 24 }],
    merges: ['A1:G1', 'A2:G2'],
    freeze: `A${ROSTER_HEADER_ROW + 1}`,
    orientation: 'portrait',
    printTitleRows: `${ROSTER_HEADER_ROW}:${ROSTER_HEADER_ROW}`,
    // prints down to the last member named, not the 2,000 empty rows
    ...(hasManualLayout(release)
      ? { printArea: { ref: `A1:G${ROSTER_HEADER_ROW + rowCount}`, lastRowOf: { columns: ['B'], minRow: ROSTER_HEADER_ROW } }, fitRowHeights: true }
      : {}),
  });
};
