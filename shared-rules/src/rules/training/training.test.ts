import { checkWorkbook } from '../../check/run';
import { type Case, caseOutcome, expectedOutcome, edit } from '../../testing/rule-cases';
import { APPLICATION_EXAMPLE } from '../../testing/seed-examples';
import { buildSnapshot, type Fill } from '../../testing/snapshot-builder';

// tr_sessions columns: 0 場次 (A), 1 第1天 (B), 2 第2天 (C), 3 天數 (D), 6 上課講授 (G), 7 分組討論, 8 生態參訪,
// 10/12/14/16/18/20 時數; sheet row = 4 + row. Session 1 and 2 last 2 days, 3 and 4 one day (6 hours each).
const TR = 'tr_sessions';

const cases: readonly Case[] = [
  { name: 'the seed example is clean', fill: {}, expected: [] },
  {
    name: '第2天 is not the day after 第1天',
    fill: { tr_sessions: edit(TR, [0, 2, '1140723']) },
    expected: [['training.day2', '教育訓練成果', 'C4', 'error', '第 1 場', '1140723', '1140722']],
  },
  {
    name: '天數 2 without 第2天',
    fill: { tr_sessions: edit(TR, [1, 2, null]) },
    expected: [['training.day2', '教育訓練成果', 'C5', 'error', '第 2 場', '須填第 2 天']],
  },
  {
    name: '天數 1 with a 第2天',
    fill: { tr_sessions: edit(TR, [2, 2, '1141105']) },
    expected: [['training.day2', '教育訓練成果', 'C6', 'error', '第 3 場', '天數為 1 日', '不應填']],
  },
  {
    name: 'a blank 場次 is named by its position',
    fill: { tr_sessions: edit(TR, [2, 0, null], [2, 2, '1141105']) },
    expected: [
      ['cell.required', '教育訓練成果', 'A6', 'error'],
      ['training.day2', '教育訓練成果', 'C6', 'error', '第 3 場'],
    ],
  },
  {
    name: 'an unreadable 第2天 is date.roc_invalid only',
    fill: { tr_sessions: edit(TR, [0, 2, '114/07/22']) },
    expected: [['date.roc_invalid', '教育訓練成果', 'C4', 'error']],
  },
  {
    name: 'a one-day session of exactly 8 hours passes',
    // session 3 gains 2 hours, session 1 gives 2 up, so the 決算 課程時數 still agrees
    fill: { tr_sessions: edit(TR, [2, 10, 2], [0, 10, 0]) },
    expected: [],
  },
  {
    name: 'a one-day session of 9 hours is a warning',
    fill: { tr_sessions: edit(TR, [2, 10, 3], [0, 10, 0], [0, 12, 0]) },
    expected: [['training.hours_max', '教育訓練成果', 'D6', 'warning', '第 3 場', '9 小時', '1 日', '8 小時']],
  },
  {
    name: 'a half-day session of 6 hours is a warning',
    fill: { tr_sessions: edit(TR, [3, 3, 0.5]) },
    expected: [['training.hours_max', '教育訓練成果', 'D7', 'warning', '第 4 場', '0.5 日', '4 小時']],
  },
  {
    name: 'a non-numeric 時數 skips the hour checks (the cell rule reports it)',
    fill: { tr_sessions: edit(TR, [2, 12, '三']) },
    expected: [['cell.type', '教育訓練成果', 'M6', 'error']],
  },
  {
    name: 'a 場次 number used twice',
    fill: { tr_sessions: edit(TR, [2, 0, 2]) },
    expected: [['training.session_order', '教育訓練成果', 'A6', 'error', '場次 2', '第 5 列', '重複']],
  },
  {
    name: '場次 numbers out of order',
    fill: { tr_sessions: edit(TR, [0, 0, 2], [1, 0, 1]) },
    expected: [['training.session_order', '教育訓練成果', 'A5', 'error', '場次 1', '小於上方已填的場次 2']],
  },
  { name: '場次 numbers in order with a gap pass', fill: { tr_sessions: edit(TR, [3, 0, 7]) }, expected: [] },
  {
    name: 'a 課程名稱 of 100 characters passes (several courses in one cell, seed 004 §2.4(二)7)',
    fill: { tr_sessions: edit(TR, [0, 9, '課'.repeat(100)]) },
    expected: [],
  },
  {
    name: 'a 課程名稱 of 101 characters',
    fill: { tr_sessions: edit(TR, [0, 9, '課'.repeat(101)]) },
    expected: [['cell.max_length', '教育訓練成果', 'J4', 'error', '100', '101']],
  },
  {
    name: 'no 上課方式 marked',
    fill: { tr_sessions: edit(TR, [0, 6, null], [0, 8, null]) },
    expected: [['cell.required', '教育訓練成果', 'G4', 'error', '上課方式（至少勾選一項）']],
  },
  {
    name: 'only 分組討論 marked passes',
    fill: { tr_sessions: edit(TR, [3, 6, null]) },
    expected: [],
  },
];

describe('training rules', () => {
  it.each(cases)('$name', (c) => {
    expect(caseOutcome(c)).toEqual(expectedOutcome(c));
  });
});

describe('a workbook on template 1.2 keeps its own field lengths', () => {
  const codes = (version: string, fill: Fill): string[] =>
    checkWorkbook(buildSnapshot('application', { ...APPLICATION_EXAMPLE, ...fill }, { version }))
      .findings.filter((f) => f.code !== 'template.outdated')
      .map((f) => `${f.code} ${f.cell ?? ''}`);

  it('limits 課程名稱 to 50 characters there', () => {
    expect(codes('1.2', { tr_sessions: edit(TR, [0, 9, '課'.repeat(51)]) })).toEqual(['cell.max_length J4']);
    expect(codes('1.3', { tr_sessions: edit(TR, [0, 9, '課'.repeat(51)]) })).toEqual([]);
  });
});
