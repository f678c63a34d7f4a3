import { CB_SHEET } from '../../definition/cashbook/ledger-sheet';
import { book, checkBook, patchedEntries, type EntryPatch } from '../../ledger/test-book';
import { CASHBOOK_ENTRIES, CASHBOOK_EXAMPLE } from '../../testing/seed-examples';
import { type Fill } from '../../testing/snapshot-builder';

// CASHBOOK_EXAMPLE: 分配款 received 467,000 (10 % = 46,700; 40 % = 186,800); 行政事務費 4,500 = 2,000 (6-1, entry 4, 3/31)
// + 2,500 (6-2, entry 19, 12/28); 教育訓練 from 分配款 199,700, of which 1-6 70,240 (entry 9) and 1-4 20,000 (entry 8).

/** January–September of the example as the September filing. */
const september = (changes: Readonly<Record<number, EntryPatch>> = {}): Fill => ({
  ...CASHBOOK_EXAMPLE,
  cb_period: 9,
  cb_entries: patchedEntries(changes, CASHBOOK_ENTRIES.slice(0, 14)),
});

interface Case {
  readonly name: string;
  readonly fill: Fill;
  readonly expected: readonly {
    code: string;
    severity: 'error' | 'warning';
    says: readonly string[];
    /** The finding's machine-readable actual/expected (plain digits). */
    fields?: { actual: string; expected: string };
  }[];
}

const CASES: readonly Case[] = [
  { name: 'the seed example is within both ratios', fill: CASHBOOK_EXAMPLE, expected: [] },
  // 行政事務費 56,040 = 12 % of 467,000
  {
    name: '行政事務費 over 10 % in the December filing is an error',
    fill: book({ 4: { amount: 53540 } }),
    expected: [{ code: 'ratio.admin_max', severity: 'error', says: ['行政事務費 56,040', '分配款 467,000', '的 12%', '（46,700）'], fields: { actual: '56040', expected: '46700' } }],
  },
  {
    name: '行政事務費 over 10 % in the September filing is a warning',
    fill: september({ 4: { amount: 56040 } }),
    expected: [{ code: 'ratio.admin_max', severity: 'warning', says: ['行政事務費 56,040', '分配款 467,000', '的 12%', '（46,700）'] }],
  },
  { name: '行政事務費 exactly 10 %', fill: book({ 4: { amount: 44200 } }), expected: [] },
  {
    name: '行政事務費 1 dollar over 10 % never reads as 10 %',
    fill: book({ 4: { amount: 44201 } }),
    expected: [{ code: 'ratio.admin_max', severity: 'error', says: ['行政事務費 46,701', '10.0002%', '（46,700）'] }],
  },
  {
    name: '行政事務費 over 10 % with an unreadable 申報月份 stays a warning',
    fill: book({ 4: { amount: 53540 } }, { cb_period: 5 }),
    expected: [
      { code: 'cell.enum', severity: 'error', says: [] },
      { code: 'ratio.admin_max', severity: 'warning', says: ['的 12%'] },
    ],
  },
  // 教育訓練 from 分配款 at the 40 % line: 199,700 − 12,900 = 186,800
  { name: '教育訓練 exactly 40 %', fill: book({ 9: { amount: 57340 } }), expected: [] },
  {
    name: '教育訓練 under 40 % in the December filing is a warning stating §1.3(一)\'s consequence (the year is history)',
    fill: book({ 9: { amount: 57339 } }),
    expected: [
      {
        code: 'ratio.education_min',
        severity: 'warning',
        says: ['教育訓練 186,799', '分配款 467,000', '39.9998%', '（186,800）', '連續 2 年未達者，次 1 年度不予分配'],
        fields: { actual: '186799', expected: '186800' },
      },
    ],
  },
  {
    name: '教育訓練 paid from 利息收入 does not count towards the 40 %',
    fill: book({ 8: { category: '利息收入' } }),
    expected: [{ code: 'ratio.education_min', severity: 'warning', says: ['教育訓練 179,700', '38.48%'] }],
  },
  // January–September spends 180,160 on 教育訓練 (38.5 %): the year may still catch up
  { name: '教育訓練 under 40 % in the September filing is not judged yet', fill: september(), expected: [] },
  {
    name: 'no 分配款 received: nothing to compare with',
    fill: { ...CASHBOOK_EXAMPLE, cb_entries: patchedEntries({}).slice(1) },
    expected: [],
  },
];

describe('cash-book ratio rules', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const findings = checkBook(c.fill);
    expect(findings.map((f) => [f.code, f.severity])).toEqual(c.expected.map((e) => [e.code, e.severity]));
    for (const e of c.expected) {
      const found = findings.find((f) => f.code === e.code);
      // a ratio concerns the whole year: it points at 申報月份
      expect(found).toMatchObject({ sheet: CB_SHEET, cell: 'C6' });
      for (const s of e.says) expect(found?.message).toContain(s);
      if (e.fields !== undefined) expect(found).toMatchObject(e.fields);
    }
  });
});
