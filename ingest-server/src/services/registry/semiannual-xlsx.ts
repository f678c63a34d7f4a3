// The 半年報 as XLSX laid out like the seed's form (seed 003 半年報填報, in its order: 按性別分, 以年齡別分, 按教育程度分,
// 具原住民族身分, 按服務年資分, 按身分別分, 志工服務成果, 訓練情形 (團體訓練 / 推廣訓練 / 其他推廣訓練 × 人次、節數),
// 聯繫會館, 獎勵表揚, 備有紀錄冊人數, 志工保險人數), one sheet for the unit asked for, one with every unit below it as a row
// (the roll-up), one listing 學歷 / 現職 values no category matched. Form items the registry does not hold stay blank.
import { exceljs } from '@portfund/templates/src/exceljs';
import { AGE_BANDS, EDUCATION_LEVELS, IDENTITIES, TRAINING_CATEGORIES, YEARS_BANDS, type SemiannualFigures, type SexCount } from '@portfund/shared-rules/src/registry';
import { escapeFormula, safeSheetName } from '../export';
import { type UnitSemiannual } from './semiannual';

/** A form row: counts by sex, one figure, or nothing (an item the registry cannot fill). */
type Line =
  | { readonly section: string; readonly item: string; readonly sex: SexCount; readonly note?: string }
  | { readonly section: string; readonly item: string; readonly value: number | null; readonly note?: string };

const NOT_IN_REGISTRY = '名冊無此資料，請自行填寫';
const TRAINING_NOTE = '課程起始日期在期間內的教育訓練紀錄，依開課單位分：志願服務推廣中心為推廣訓練、本轄志工單位為團體訓練、其他為其他推廣訓練';

const sexLine = (section: string, item: string, sex: SexCount, note?: string): Line => (note === undefined ? { section, item, sex } : { section, item, sex, note });

/** The form's rows for one unit, in the seed's order. */
export const formLines = (f: SemiannualFigures): Line[] => {
  const unplacedIdentity = f.identityUnmapped.male + f.identityUnmapped.female;
  return [
    sexLine('按性別分', '志工人數', f.total),
    ...AGE_BANDS.map((b) => sexLine('以年齡別分', b, f.age[b])),
    ...EDUCATION_LEVELS.map((l) => sexLine('按教育程度分', l, f.education[l])),
    sexLine('按教育程度分', '其他/未填', f.educationUnmapped, '學歷無法歸入上列四類，請見「無法歸類」工作表'),
    sexLine('具原住民族身分', '', f.indigenous),
    ...YEARS_BANDS.map((b) => sexLine('按服務年資分', b, f.serviceYears[b])),
    sexLine('按服務年資分', '（年資不明）', f.serviceYearsUnknown, '無服務時數紀錄且未填加入日期'),
    ...IDENTITIES.map((i) => sexLine('按身分別分', i, f.identity[i], i === '其他' && unplacedIdentity > 0 ? `含現職無法歸類 ${unplacedIdentity} 人` : undefined)),
    { section: '志工服務成果', item: '接受服務總數-人次', value: null, note: NOT_IN_REGISTRY },
    { section: '志工服務成果', item: '提供服務總數-公教人員', value: null, note: NOT_IN_REGISTRY },
    { section: '志工服務成果', item: '提供服務總數-非公教人員', value: null, note: NOT_IN_REGISTRY },
    ...TRAINING_CATEGORIES.flatMap((c): Line[] => [
      { section: '訓練情形', item: `${c}-人次`, value: f.trainingByCategory[c].attendances, note: TRAINING_NOTE },
      { section: '訓練情形', item: `${c}-節數`, value: Number(f.trainingByCategory[c].sessions) },
    ]),
    { section: '聯繫會館', item: '進出', value: null, note: NOT_IN_REGISTRY },
    { section: '獎勵表揚', item: '人數', value: null, note: NOT_IN_REGISTRY },
    sexLine('備有紀錄冊人數', '', f.recordBook),
    sexLine('志工保險人數', '', f.insured, '投保狀態為已加保或待退保'),
  ];
};

const HALF = { 1: '上半年', 2: '下半年' } as const;
const LEVEL_LABELS: Readonly<Record<string, string>> = { authority: '主管機關', agency: '目的機關', operator: '運用單位', team: '志工隊', squad: '志工小隊' };

/** The form's rows that carry a figure (the roll-up has no column for an item the registry cannot fill). */
const figureLines = (f: SemiannualFigures): Line[] => formLines(f).filter((l) => !('value' in l && l.value === null));

const t = (s: string): string => escapeFormula(s);
const columnName = (l: Line): string => `${l.section}${l.item === '' ? '' : `_${l.item}`}`;

export const semiannualXlsx = async (report: UnitSemiannual): Promise<Buffer> => {
  const wb = new (exceljs().Workbook)();
  wb.creator = 'portfund';
  const head = report.units[0];
  const title = `${report.rocYear}年${HALF[report.half]} 志願服務志工人數及服務成果`;

  const form = wb.addWorksheet('半年報');
  form.columns = [{ width: 18 }, { width: 24 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 48 }];
  form.addRow([t(title)]).font = { bold: true, size: 14 };
  form.addRow([t(`填報單位：${head?.path ?? ''}`)]);
  form.addRow([t(`統計期間：${report.start} 至 ${report.end}（年齡、服務年資以期末日計算）`)]);
  form.addRow([]);
  form.addRow(['項目', '類別', '男', '女', '合計', '備註']).font = { bold: true };
  if (head !== undefined) {
    for (const line of formLines(head.figures)) {
      const cells = 'sex' in line ? [line.sex.male, line.sex.female, line.sex.male + line.sex.female] : [null, null, line.value];
      form.addRow([t(line.section), t(line.item), ...cells, line.note === undefined ? null : t(line.note)]);
    }
    form.addRow(['（附）服務時數', '', null, null, Number(head.figures.serviceHours), '服務日期起在期間內的服務時數（不在填報表上）']);
  }

  const roll = wb.addWorksheet('所屬單位', { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  const lines = head === undefined ? [] : figureLines(head.figures);
  const figureColumns = lines.flatMap((l) => ('sex' in l ? [`${columnName(l)}_男`, `${columnName(l)}_女`] : [columnName(l)]));
  roll.addRow(['單位', '層級', ...figureColumns.map(t), '服務時數']).font = { bold: true };
  for (const u of report.units) {
    const values = figureLines(u.figures).flatMap((l) => ('sex' in l ? [l.sex.male, l.sex.female] : [l.value ?? 0]));
    roll.addRow([t(u.path), LEVEL_LABELS[u.level] ?? u.level, ...values, Number(u.figures.serviceHours)]);
  }
  roll.getColumn(1).width = 50;

  const unmapped = wb.addWorksheet(safeSheetName('無法歸類'));
  unmapped.addRow(['欄位', '內容', '人數', '列入']).font = { bold: true };
  for (const [value, n] of Object.entries(report.unmapped.education)) unmapped.addRow(['學歷', t(value), n, '按教育程度分 其他/未填']);
  for (const [value, n] of Object.entries(report.unmapped.occupation)) unmapped.addRow(['現職', t(value), n, '按身分別分 其他']);
  unmapped.getColumn(2).width = 30;

  return Buffer.from(await wb.xlsx.writeBuffer());
};
