// The two compliance ratios of seed 004 §1.3 on year-to-date cash-book figures, as the cash-book ratio rules judge them
// (shared-rules rules/ratio/cashbook-*.ts): 教育訓練 from 分配款 ≥ 40 % (December only), 行政事務費 ≤ 10 % of 分配款 received.
import Decimal from 'decimal.js';

export const EDUCATION_MIN_PERCENT = 40;
export const ADMIN_MAX_PERCENT = 10;

const HUNDRED = new Decimal(100);

export interface Ratio {
  /** The share in percent with one decimal, null when nothing was received (no base). */
  readonly percent: Decimal | null;
  /** Whether the limit is broken (judged exactly, not on the rounded share); null when not judged. */
  readonly flagged: boolean | null;
}

const NOT_JUDGED: Ratio = { percent: null, flagged: null };

// half-up to one decimal, except that a share breaking the limit never prints as the limit itself (39.96 % → 39.9 %)
const shown = (part: Decimal, base: Decimal, flagged: boolean, limit: number, awayFromLimit: Decimal.Rounding): Decimal => {
  const exact = part.times(HUNDRED).dividedBy(base);
  const rounded = exact.toDecimalPlaces(1, Decimal.ROUND_HALF_UP);
  return flagged && rounded.equals(limit) ? exact.toDecimalPlaces(1, awayFromLimit) : rounded;
};

/** 教育訓練 (分配款) against 分配款 received: below 40 % is flagged on the December filing (quarter 4) only. */
export const educationRatio = (education: Decimal, allocation: Decimal, quarter: number): Ratio => {
  if (allocation.lte(0)) return NOT_JUDGED;
  const below = education.times(HUNDRED).lt(allocation.times(EDUCATION_MIN_PERCENT));
  return { percent: shown(education, allocation, below, EDUCATION_MIN_PERCENT, Decimal.ROUND_DOWN), flagged: quarter === 4 ? below : null };
};

/** 行政事務費 (every source) against 分配款 received: above 10 % is flagged in every quarter. */
export const adminRatio = (admin: Decimal, allocation: Decimal): Ratio => {
  if (allocation.lte(0)) return NOT_JUDGED;
  const above = admin.times(HUNDRED).gt(allocation.times(ADMIN_MAX_PERCENT));
  return { percent: shown(admin, allocation, above, ADMIN_MAX_PERCENT, Decimal.ROUND_UP), flagged: above };
};
