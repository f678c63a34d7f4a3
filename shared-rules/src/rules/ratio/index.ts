// The ratio.* rules: 教育訓練 ≥ 40 %, 行政事務費 ≤ 10 %, interest for 教育訓練 ≥ 40 % (seed 004 §1.3).
export { applicationRatioRules } from './application';
export { cashbookRatioRules } from './cashbook';
