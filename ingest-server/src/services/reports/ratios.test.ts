// The 40 % / 10 % ratios: exact judgement, one-decimal display that never shows a failing share as the limit.
import Decimal from 'decimal.js';
import { adminRatio, educationRatio } from './ratios';

const d = (n: number): Decimal => new Decimal(n);

describe('educationRatio', () => {
  it('shows the seed example 193,700 of 467,000 as 41.5 % and passes it in December', () => {
    expect(educationRatio(d(193700), d(467000), 4)).toEqual({ percent: d(41.5), flagged: false });
  });

  it('judges only the December filing, but always shows the share', () => {
    expect(educationRatio(d(20000), d(467000), 2)).toEqual({ percent: d(4.3), flagged: null });
    expect(educationRatio(d(20000), d(467000), 4)).toEqual({ percent: d(4.3), flagged: true });
  });

  it('passes exactly 40 %, and shows 39.96 % as 39.9 %, not 40.0 %', () => {
    expect(educationRatio(d(40), d(100), 4)).toEqual({ percent: d(40), flagged: false });
    expect(educationRatio(d(3996), d(10000), 4)).toEqual({ percent: d(39.9), flagged: true });
  });

  it('is not judged without 分配款 received', () => {
    expect(educationRatio(d(100), d(0), 4)).toEqual({ percent: null, flagged: null });
  });
});

describe('adminRatio', () => {
  it('flags more than 10 % in any quarter; exactly 10 % passes; 10.02 % shows as 10.1 %', () => {
    expect(adminRatio(d(52000), d(467000))).toEqual({ percent: d(11.1), flagged: true });
    expect(adminRatio(d(10), d(100))).toEqual({ percent: d(10), flagged: false });
    expect(adminRatio(d(1002), d(10000))).toEqual({ percent: d(10.1), flagged: true });
    expect(adminRatio(d(996), d(10000))).toEqual({ percent: d(10), flagged: false });
  });
});
