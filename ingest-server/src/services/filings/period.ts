// A cash book's 申報月份 (3/6/9/12) is its quarter (1–4); an application is period 0 of its year (the rule is shared-rules').
export { quarterOfPeriod } from '@portfund/shared-rules';

export const periodOfQuarter = (quarter: number): number => quarter * 3;

/** How people name a filing's period: "115 年第 2 季" or "115 年度". */
export const periodLabel = (year: number, quarter: number): string => (quarter === 0 ? `${year} 年度` : `${year} 年第 ${quarter} 季`);
