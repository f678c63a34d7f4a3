// The 半年報 as XLSX laid out like the seed's form (seed 003 半年報填報: 按性別分, 以年齡別分, 按教育程度分, 具原住民族身分,
// 按服務年資分, 按身分別分, 訓練情形, 備有紀錄冊人數, 志工保險人數 — each with 男 / 女), one sheet for the unit asked for,
// one with every unit below it as a row (the roll-up), one listing 學歷 / 現職 values no category matched.
import ExcelJS from 'exceljs';
import { AGE_BANDS, EDUCATION_LEVELS, IDENTITIES, YEARS_BANDS, type SemiannualFigures, type SexCount } from '@portfund/shared-rules/src/imports';
import { escapeFormula, safeSheetName } from '../export';
import { type UnitSemiannual } from './semiannual';

type Line = readonly [section: string, item: string, count: SexCount | null, note?: string];

/** The form's rows for one unit, in the seed's order. */
export const formLines = (f: SemiannualFigures): Line[] => [
  ['按性別分', '志工人數', f.total],
  ...AGE_BANDS.map((b): Line => ['以年齡別分', b, f.age[b]]),
  ...EDUCATION_LEVELS.map((l): Line => ['按教育程度分', l, f.education[l]]),
  ['按教育程度分', '（學歷無法歸類）', f.educationUnmapped, '未列入上列四類，請見「無法歸類」工作表'],
  ['具原住民族身分', '', f.indigenous],
  ...YEARS_BANDS.map((b): Line => ['按服務年資分', b, f.serviceYears[b]]),
  ['按服務年資分', '（年資不明）', f.serviceYearsUnknown, '無服務時數紀錄且未填加入日期'],
  ...IDENTITIES.map((i): Line => ['按身分別分', i, f.identity[i], i === '其他' && f.identityUnmapped.male + f.identityUnmapped.female > 0 ? `含現職無法歸類 ${f.identityUnmapped.male + f.identityUnmapped.female} 人` : undefined]),
  ['備有紀錄冊人數', '', f.recordBook],
  ['志工保險人數', '', f.insured, '投保狀態為已加保或待退保'],
];

const HALF = { 1: '上半年', 2: '下半年' } as const;
const LEVEL_LABELS: Readonly<Record<string, string>> = { authority: '主管機關', agency: '目的機關', operator: '運用單位', team: '志工隊', squad: '志工小隊' };

const t = (s: string): string => escapeFormula(s);

export const semiannualXlsx = async (report: UnitSemiannual): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'portfund';
  const head = report.units[0];
  const title = `${report.rocYear}年${HALF[report.half]} 志願服務志工人數及服務成果`;

  const form = wb.addWorksheet('半年報');
  form.columns = [{ width: 18 }, { width: 22 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 40 }];
  form.addRow([t(title)]).font = { bold: true, size: 14 };
  form.addRow([t(`填報單位：${head?.path ?? ''}`)]);
  form.addRow([t(`統計期間：${report.start} 至 ${report.end}（年齡、服務年資以期末日計算）`)]);
  form.addRow([]);
  const header = form.addRow(['項目', '類別', '男', '女', '合計', '備註']);
  header.font = { bold: true };
  if (head !== undefined) {
    for (const [section, item, c, note] of formLines(head.figures)) {
      form.addRow([t(section), t(item), c?.male ?? null, c?.female ?? null, c === null ? null : c.male + c.female, note === undefined ? null : t(note)]);
    }
    const tr = head.figures.training;
    form.addRow(['訓練情形', '人次', null, null, tr.attendances, '課程起始日期在期間內的教育訓練紀錄']);
    form.addRow(['訓練情形', '節數', null, null, Number(tr.sessions), '受訓時數合計']);
    for (const [type, fig] of Object.entries(head.figures.trainingByType).sort()) {
      form.addRow(['訓練情形', t(`${type}訓練 人次／節數`), null, null, fig.attendances, t(`${fig.sessions} 節`)]);
    }
    form.addRow(['志工服務成果', '服務時數', null, null, Number(head.figures.serviceHours), '服務日期起在期間內的服務時數']);
  }

  const roll = wb.addWorksheet('所屬單位', { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  const sample = head?.figures;
  const figureColumns = sample === undefined ? [] : formLines(sample).flatMap(([section, item]) => [`${section}${item === '' ? '' : `_${item}`}_男`, `${section}${item === '' ? '' : `_${item}`}_女`]);
  roll.addRow(['單位', '層級', ...figureColumns.map(t), '訓練人次', '訓練節數', '服務時數']).font = { bold: true };
  for (const u of report.units) {
    const counts = formLines(u.figures).flatMap(([, , c]) => [c?.male ?? 0, c?.female ?? 0]);
    roll.addRow([t(u.path), LEVEL_LABELS[u.level] ?? u.level, ...counts, u.figures.training.attendances, Number(u.figures.training.sessions), Number(u.figures.serviceHours)]);
  }
  roll.getColumn(1).width = 50;

  const unmapped = wb.addWorksheet(safeSheetName('無法歸類'));
  unmapped.addRow(['欄位', '內容', '人數']).font = { bold: true };
  for (const [value, n] of Object.entries(report.unmapped.education)) unmapped.addRow(['學歷', t(value), n]);
  for (const [value, n] of Object.entries(report.unmapped.occupation)) unmapped.addRow(['現職', t(value), n]);
  unmapped.getColumn(2).width = 30;

  return Buffer.from(await wb.xlsx.writeBuffer());
};
