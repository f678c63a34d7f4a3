// Percentages as a message shows them, checkable with a calculator: exact when the share has at most 3 decimals (10.71%,
// 39.897%), else rounded to the fewest decimals (3 or more) that keep it on its own side of the limit (39.9998%, never 40.000%).
import Decimal from 'decimal.js';

const HUNDRED = new Decimal(100);
const EXACT_DECIMALS = 3;
const MAX_DECIMALS = 12;

/** part / base in percent as text, e.g. "39.897%"; limit (in percent) is the threshold the share is compared with. */
export const percentText = (part: Decimal, base: Decimal, limit: Decimal.Value): string => {
  const share = part.times(HUNDRED).dividedBy(base);
  if (share.decimalPlaces() <= EXACT_DECIMALS) return `${share.toFixed()}%`;
  const side = share.comparedTo(limit);
  for (let places = EXACT_DECIMALS; places <= MAX_DECIMALS; places++) {
    const shown = share.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
    if (shown.comparedTo(limit) === side) return `${shown.toFixed()}%`;
  }
  // closer to the limit than 12 decimals show: round toward the share's own side
  return `${share.toDecimalPlaces(MAX_DECIMALS, side < 0 ? Decimal.ROUND_DOWN : Decimal.ROUND_UP).toFixed(MAX_DECIMALS)}%`;
};
