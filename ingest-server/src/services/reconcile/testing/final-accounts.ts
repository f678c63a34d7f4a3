// The 116 application's 決算 that agrees with the example's 115 December cash book (CASHBOOK_ENTRIES), worked by hand:
// 收 1 分配款 467,000; 收 2/3 interest 37 + 1,500 = 1,537; 支 by row and 動支類別 —
// 1 教育訓練 分配款 20,000 + 70,240 + 28,000 + 40,000 + 21,920 + 10,560 + 1,500 + 7,480 = 199,700;
// 3-2 慰問金 結餘款 2,000 + 1,100 + 2,000 = 5,100; 4 退休補助 分配款 6,000; 5-4 節日禮品 分配款 100,000;
// 6 行政事務費 分配款 2,000 + 2,500 = 4,500. The 結餘款 column (5,100) is what was drawn from the surplus, and with the
// example's 115 application (fa_cum_surplus 2,357,031) the remaining surplus is 2,357,031 − 5,100 = 2,351,931.
type Cell = number | undefined;
type SpendRow = [Cell, Cell, Cell];

const u = undefined;

/** fa_spend rows 1 … 6 (the (合計) rows 3 and 5 are formulas), columns 結餘款 / 分配款 / 利息. */
export const FA_SPEND_116: readonly SpendRow[] = [
  [u, 199700, 0], // 1 教育訓練
  [0, 0, 0], // 2 急難救助
  [u, u, u], // 3 (合計)
  [0, 0, 0], // 3-1
  [5100, 0, 0], // 3-2
  [0, 6000, 0], // 4 退休補助
  [u, u, u], // 5 (合計)
  [u, 0, 0], // 5-1
  [u, 0, 0], // 5-2
  [u, 0, 0], // 5-3
  [u, 100000, 0], // 5-4
  [u, 0, 0], // 5-5
  [u, 4500, 0], // 6 行政事務費
];

/** The 115 application's carried interest (bg_rev_interest_prev = 15,937 − 15,000) plus 115's interest received. */
export const INTEREST_116_WITH_115 = 937 + 1537;

export const FINAL_ACCOUNTS_116 = {
  fa_rev_alloc: 467000,
  fa_rev_interest: 1537,
  fa_rev_other: 0,
  fa_rev_surplus_draw: 5100,
  fa_prev_surplus_remaining: 2351931,
  fa_spend: FA_SPEND_116.map((r) => [...r]),
};

/** fa_spend with one cell changed: row index as in FA_SPEND_116, column 0 結餘款 / 1 分配款 / 2 利息. */
export const spendWith = (rowIndex: number, column: 0 | 1 | 2, value: number): Cell[][] =>
  FA_SPEND_116.map((r, i) => (i === rowIndex ? r.map((c, j) => (j === column ? value : c)) : [...r]));
