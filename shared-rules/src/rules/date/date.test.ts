import { type Case, caseOutcome, expectedOutcome, edit } from '../../testing/rule-cases';

const TR = 'tr_sessions'; // columns 1 第1天 (B), 2 第2天 (C); sheet row = 4 + row

const cases: readonly Case[] = [
  { name: 'the seed example is clean (training in 114, founded 0670127)', fill: {}, expected: [] },
  {
    name: 'a training day in 113',
    fill: { tr_sessions: edit(TR, [2, 1, '1131104']) },
    expected: [['date.out_of_range', '教育訓練成果', 'B6', 'error', '第1天日期', '1131104', '須為 114 年度（決算年度）']],
  },
  {
    name: 'a two-day session running into 115: its 第2天 is out of the year',
    fill: { tr_sessions: edit(TR, [0, 1, '1141231'], [0, 2, '1150101']) },
    expected: [['date.out_of_range', '教育訓練成果', 'C4', 'error', '第2天日期', '1150101']],
  },
  {
    name: 'the first and last days of 114 pass',
    fill: { tr_sessions: edit(TR, [2, 1, '1140101'], [3, 1, '1141231']) },
    expected: [],
  },
  {
    name: '申請年度 116 puts every 114 training date outside the 決算 year',
    fill: { app_year: 116 },
    expected: [
      ['date.out_of_range', '教育訓練成果', 'B4', 'error', '須為 115 年度'],
      ['date.out_of_range', '教育訓練成果', 'C4', 'error'],
      ['date.out_of_range', '教育訓練成果', 'B5', 'error'],
      ['date.out_of_range', '教育訓練成果', 'C5', 'error'],
      ['date.out_of_range', '教育訓練成果', 'B6', 'error'],
      ['date.out_of_range', '教育訓練成果', 'B7', 'error'],
    ],
  },
  {
    name: 'an unreadable 申請年度 skips the year check (the cell rule reports it)',
    fill: { app_year: '一一五' },
    expected: [['date.roc_invalid', '申請書', 'B3', 'error']],
  },
  {
    name: '解散、合併日期 before 成立日期',
    fill: { app_dissolved: '0670126' },
    expected: [['date.out_of_range', '申請書', 'B8', 'error', '解散、合併日期', '0670126', '0670127']],
  },
  { name: '解散、合併日期 on 成立日期 passes', fill: { app_dissolved: '0670127' }, expected: [] },
];

describe('date.out_of_range', () => {
  it.each(cases)('$name', (c) => {
    expect(caseOutcome(c)).toEqual(expectedOutcome(c));
  });
});
