// Sheet 教育訓練成果: training sessions of year N−1, one per row (seed 004 §2.4; SPEC §3.4).
import { columnLetters } from '../../snapshot/a1';
import { type BuiltSheet, SheetBuilder } from '../sheet-builder';
import { type FieldSpec, type TableColumn } from '../types';
import { CURRENT_VERSION, hasManualLayout, isAtLeast, type TemplateVersion } from '../versions';
import { APP_SHEETS, titleExpr } from './names';

export const COURSE_CATEGORIES = ['勞動知能及法令', '港務法規', '職場健康', '工作調適', '職業(或職場業務)相關知識', '生活安全知識'] as const;

const mark = (label: string): FieldSpec => ({ type: 'enum', label, list: 'mark' });

/** 課程名稱: 50 characters in 1.0–1.2 (§2.4(三)6); from 1.3 the 100 of §2.4(二)7, as the cell holds several courses. */
const courseNameLength = (version: string): number => (isAtLeast(version, '1.3') ? 100 : 50);

/** The columns of a template version. */
export const trColumns = (version: string): readonly TableColumn[] => [
  { key: 'session', header: '場次', spec: { type: 'count', label: '場次', required: true, maxDigits: 3, min: 1 } },
  { key: 'day1', header: '第1天', spec: { type: 'rocDate', label: '第1天日期', required: true } },
  { key: 'day2', header: '第2天', spec: { type: 'rocDate', label: '第2天日期' } },
  { key: 'days', header: '天數', spec: { type: 'enum', label: '天數', required: true, list: 'days' } },
  { key: 'title', header: '教育訓練名稱', spec: { type: 'text', label: '教育訓練名稱', required: true, maxLength: 50 } },
  { key: 'place', header: '地點', spec: { type: 'text', label: '地點', required: true, maxLength: 50 } },
  { key: 'lecture', header: '上課講授', spec: mark('上課講授') },
  { key: 'discussion', header: '分組討論', spec: mark('分組討論') },
  { key: 'visit', header: '生態參訪', spec: mark('生態參訪') },
  ...COURSE_CATEGORIES.flatMap((cat, i) => [
    { key: `course${i + 1}`, header: `${cat} 課程名稱`, spec: { type: 'text', label: `${cat} 課程名稱`, maxLength: courseNameLength(version) } as FieldSpec },
    { key: `hours${i + 1}`, header: `${cat} 時數`, spec: { type: 'hours', label: `${cat} 時數`, max: 24 } as FieldSpec },
  ]),
  { key: 'cost', header: '場次使用經費', spec: { type: 'amount', label: '場次使用經費', required: true, maxDigits: 7 } },
  { key: 'male', header: '受益人數(男)', spec: { type: 'count', label: '受益人數(男)', required: true, maxDigits: 5 } },
  { key: 'female', header: '受益人數(女)', spec: { type: 'count', label: '受益人數(女)', required: true, maxDigits: 5 } },
  { key: 'benefit', header: '效益', spec: { type: 'text', label: '效益', required: true, maxLength: 100 } },
];

/** The columns of the current template (labels and positions are the same in every version). */
export const TR_COLUMNS: readonly TableColumn[] = trColumns(CURRENT_VERSION);

export const TR_TOP = 4;

/** Column widths from 1.3 by column key (without its category number). */
const MANUAL_WIDTHS: Readonly<Record<string, number>> = { day: 9, days: 7, title: 14, place: 12, course: 12, cost: 9, benefit: 16 };
export const TR_ROWS = 30;

const col = (key: string): string => columnLetters(TR_COLUMNS.findIndex((c) => c.key === key) + 1);

export const buildTrainingReportSheet = (release: TemplateVersion): BuiltSheet => {
  const b = new SheetBuilder(APP_SHEETS.trainingReport, 'red');
  const last = columnLetters(TR_COLUMNS.length);
  b.formula('A1', titleExpr('教育訓練成果報告', -1), 'text', 'title');
  const merges = [`A1:${last}1`];
  const single = (key: string, text: string): void => {
    b.label(`${col(key)}2`, text, 'header');
    merges.push(`${col(key)}2:${col(key)}3`);
  };
  const group = (from: string, to: string, text: string): void => {
    b.label(`${col(from)}2`, text, 'header');
    merges.push(`${col(from)}2:${col(to)}2`);
  };
  single('session', '場次');
  group('day1', 'day2', '日期');
  b.label(`${col('day1')}3`, '第1天', 'header').label(`${col('day2')}3`, '第2天', 'header');
  single('days', '天數（半日 0.5、1日 1、2日 2）');
  single('title', '教育訓練名稱');
  single('place', '地點');
  group('lecture', 'visit', '上課方式（打 V，可複選）');
  b.label(`${col('lecture')}3`, '上課講授', 'header').label(`${col('discussion')}3`, '分組討論', 'header').label(`${col('visit')}3`, '生態參訪', 'header');
  COURSE_CATEGORIES.forEach((cat, i) => {
    group(`course${i + 1}`, `hours${i + 1}`, cat);
    b.label(`${col(`course${i + 1}`)}3`, '課程名稱', 'header').label(`${col(`hours${i + 1}`)}3`, '時數', 'header');
  });
  single('cost', '場次使用經費');
  group('male', 'female', '受益人數');
  b.label(`${col('male')}3`, '男', 'header').label(`${col('female')}3`, '女', 'header');
  single('benefit', '效益');
  b.range({ name: 'tr_sessions', at: `A${TR_TOP}`, columns: trColumns(release.version), rowCount: TR_ROWS });
  const manual = hasManualLayout(release);
  // from 1.3 narrower columns (headers wrap instead), so the 25 columns print on one A4 page at a readable size
  const widths = TR_COLUMNS.map((c) =>
    manual
      ? (MANUAL_WIDTHS[c.key.replace(/\d+$/, '')] ?? 5)
      : c.key.startsWith('course') || c.key === 'title' || c.key === 'benefit'
        ? 22
        : c.key === 'place'
          ? 16
          : c.key.startsWith('day')
            ? 10
            : 8,
  );
  return b.build({
    columns: widths.map((width) => ({ width })),
    merges,
    freeze: `B${TR_TOP}`,
    orientation: 'landscape',
    printTitleRows: '2:3',
    ...(manual ? { printArea: { ref: `A1:${last}${TR_TOP + TR_ROWS - 1}` }, fitRowHeights: true } : {}),
  });
};
