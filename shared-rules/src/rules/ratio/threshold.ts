// Shares of the 分配款 (or of the interest used), in the application and the cash book, against the seed's 40 % minimum and 10 % maximum (seed 004 §1.3(一)、(六)).
import Decimal from 'decimal.js';
import { makeFinding, type Location } from '../../findings/make';
import { type FindingCode } from '../../findings/catalogue';
import { type Finding, type Severity } from '../../findings/types';
import { moneyText } from '../../values/money';
import { percentText } from '../../values/percent';

const HUNDRED = new Decimal(100);

const ratioFinding = (
  code: FindingCode,
  location: Location,
  part: Decimal,
  base: Decimal,
  percent: string,
  limit: Decimal,
  severity?: Severity,
): Finding =>
  makeFinding(
    code,
    location,
    { actual: moneyText(part), base: moneyText(base), percent, expected: moneyText(limit) },
    { actual: part.toFixed(), expected: limit.toFixed(), ...(severity === undefined ? {} : { severity }) },
  );

/** A finding when part < percent % of base (exactly the threshold passes); none when the base is 0 or less. */
export const belowMinimum = (
  code: FindingCode,
  location: Location,
  part: Decimal,
  base: Decimal,
  percent: number,
  severity?: Severity,
): Finding[] => {
  if (base.lte(0) || part.times(HUNDRED).gte(base.times(percent))) return [];
  const limit = base.times(percent).dividedBy(HUNDRED).ceil();
  return [ratioFinding(code, location, part, base, percentText(part, base, percent), limit, severity)];
};

/** A finding when part > percent % of base (exactly the threshold passes); none when the base is 0 or less. */
export const aboveMaximum = (
  code: FindingCode,
  location: Location,
  part: Decimal,
  base: Decimal,
  percent: number,
  severity?: Severity,
): Finding[] => {
  if (base.lte(0) || part.times(HUNDRED).lte(base.times(percent))) return [];
  const limit = base.times(percent).dividedBy(HUNDRED).floor();
  return [ratioFinding(code, location, part, base, percentText(part, base, percent), limit, severity)];
};
