// The six spending categories of the cash book (§1.3; 3 split into 3-1 and 3-2) as the dashboard's tables show them.
export const SPEND_GROUPS = [
  ['1', '教育訓練'],
  ['2', '急難救助'],
  ['3-1', '職業災害團體保險'],
  ['3-2', '慰問金'],
  ['4', '退休補助'],
  ['5', '會員福利'],
  ['6', '行政事務費'],
] as const;
