import Decimal from 'decimal.js';
import { percentText } from './percent';

const d = (v: Decimal.Value): Decimal => new Decimal(v);

describe('percentText', () => {
  it.each([
    // [part, base, limit %, shown]
    [10710, 100000, 10, '10.71%'], // not 10.8%
    [39897, 100000, 40, '39.897%'], // not 39.8% nor 40.0%
    [150000, 467000, 40, '32.12%'], // 32.1199…: trailing zeros dropped
    [193700, 484251, 40, '39.9999%'], // 39.99991…: 40.000 would print the limit itself
    [186799, 467000, 40, '39.9998%'], // 39.99978…: 40.000 would print the limit itself
    [1, 3, 40, '33.333%'],
    [2, 3, 40, '66.667%'],
    [40, 100, 40, '40%'],
    [46701, 467000, 10, '10.0002%'], // 10.000214…: just over the 10 % maximum
  ] as const)('%s / %s against %s%% is %s', (part, base, limit, shown) => {
    expect(percentText(d(part), d(base), limit)).toBe(shown);
  });

  it('never prints a share on the other side of its limit', () => {
    for (let part = 186790; part <= 186810; part++) {
      const shown = new Decimal(percentText(d(part), d(467000), 40).replace('%', ''));
      const share = d(part).times(100).dividedBy(467000);
      expect(shown.comparedTo(40)).toBe(share.comparedTo(40));
    }
  });
});
