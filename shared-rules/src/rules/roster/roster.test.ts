import { APPLICATION_EXAMPLE } from '../../testing/seed-examples';
import { type FillValue } from '../../testing/snapshot-builder';
import { type Case, caseOutcome, expectedOutcome, edit, type Table } from '../../testing/rule-cases';

// roster_rows columns: 0 序號 (A), 1 姓名, 2 性別 (C), 3 身分證字號 (D), 4 出生日期 (E), 5 入會日期 (F), 6 職業類別; sheet row = 4 + row
const ROSTER = 'roster_rows';
const rows = APPLICATION_EXAMPLE[ROSTER] as Table;
const idOf = (row: number): string => String(rows[row]?.[3]);
const extraMember: readonly FillValue[] = [386, '王小明', '男', 'A123456789', '0700101', '1100101', '碼頭理貨'];

const cases: readonly Case[] = [
  { name: 'the seed example is clean (385 members, 385 rows)', fill: {}, expected: [] },
  {
    name: 'one row more than 會員人數',
    fill: { roster_rows: [...rows, extraMember] },
    expected: [['roster.count_mismatch', '申請書', 'B16', 'error', '386', '385']],
  },
  {
    name: '會員人數 one less than the roster',
    fill: { app_members: 384 },
    expected: [['roster.count_mismatch', '申請書', 'B16', 'error', '385', '384']],
  },
  {
    name: 'an empty row inside the roster is not a member',
    fill: { roster_rows: [...rows.slice(0, 10), [], ...rows.slice(10)] },
    expected: [],
  },
  {
    name: 'a blank 會員人數 is cell.required only',
    fill: { app_members: null },
    expected: [['cell.required', '申請書', 'B16', 'error']],
  },
  {
    name: 'the same ID twice is reported at the later row, naming the earlier',
    fill: { roster_rows: edit(ROSTER, [200, 3, idOf(0)]) },
    expected: [['roster.duplicate_id', '會員名冊', 'D204', 'error', idOf(0), '第 4 列']],
  },
  {
    name: 'a lower-case copy of an ID is still a duplicate',
    fill: { roster_rows: edit(ROSTER, [201, 3, idOf(1).toLowerCase()]) },
    expected: [
      ['id.national_id', '會員名冊', 'D205', 'error', '大寫'],
      ['roster.duplicate_id', '會員名冊', 'D205', 'error', '第 5 列'],
    ],
  },
  {
    name: 'a female ID (2nd digit 2) marked 男',
    fill: { roster_rows: edit(ROSTER, [5, 2, '男']) },
    expected: [['id.national_id', '會員名冊', 'D9', 'error', idOf(5), '「2」表示女性', '性別「男」']],
  },
  {
    name: '入會日期 before 出生日期',
    fill: { roster_rows: edit(ROSTER, [0, 5, '0441231']) },
    expected: [['date.out_of_range', '會員名冊', 'F4', 'error', '入會日期', '0441231', '0450101']],
  },
  {
    name: '入會日期 on the 出生日期 passes',
    fill: { roster_rows: edit(ROSTER, [0, 5, '0450101']) },
    expected: [],
  },
];

describe('roster rules', () => {
  it.each(cases)('$name', (c) => {
    expect(caseOutcome(c)).toEqual(expectedOutcome(c));
  });
});
