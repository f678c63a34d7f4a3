import {
  compareRocDates,
  parseGregorianOrRoc,
  parseRocDateText,
  readGregorianOrRoc,
  readRocDate,
  readRocYear,
  rocDateFromIso,
  type RocDate,
} from './roc-date';
import { failureOf, HOSTILE, valueOf, reasonOf } from './test-helpers';

const roc = (text: string): RocDate => valueOf(parseRocDateText(text));

describe('parseRocDateText', () => {
  it('reads 7 digits as a real date', () => {
    expect(roc('0840301')).toEqual({ text: '0840301', rocYear: 84, month: 3, day: 1, iso: '1995-03-01' });
    expect(roc('1151231').iso).toBe('2026-12-31');
  });
  it('knows Gregorian leap years', () => {
    expect(roc('0850229').iso).toBe('1996-02-29');
    expect(roc('1130229').iso).toBe('2024-02-29');
    expect(roc('0890229').iso).toBe('2000-02-29'); // ROC 89 = 2000: divisible by 400, a leap year
    expect(reasonOf(parseRocDateText('0780229'))).toBe('民國 78 年 2 月只有 28 日'); // 1989
    expect(failureOf(parseRocDateText('1120229'))).toEqual({
      ok: false,
      code: 'date.roc_invalid',
      params: { actual: '1120229', reason: 'date.feb_roc', year: 112, last: 28 },
    });
    expect(failureOf(parseRocDateText('1890229'))).toMatchObject({ code: 'date.roc_invalid' }); // 2100: not a leap year
    expect(reasonOf(parseRocDateText('1130230'))).toBe('民國 113 年 2 月只有 29 日');
  });
  it('explains impossible dates', () => {
    expect(reasonOf(parseRocDateText('0841301'))).toBe('月份須為 01–12');
    expect(reasonOf(parseRocDateText('0840001'))).toBe('月份須為 01–12');
    expect(reasonOf(parseRocDateText('0840431'))).toBe('該月沒有 31 日');
    expect(reasonOf(parseRocDateText('0840300'))).toBe('日須為 01–31');
    expect(reasonOf(parseRocDateText('0000101'))).toBe('民國年須為 001 以後');
  });
  it('wants exactly 7 half-width digits', () => {
    for (const s of ['840301', '08403011', '084-03-01', '０８４０３０１', 'abcdefg']) {
      expect(reasonOf(parseRocDateText(s))).toBe('須為民國年月日 7 碼，例如 0840301');
    }
  });
});

describe('readRocDate', () => {
  it('reads text and blank', () => {
    expect(valueOf(readRocDate(' 0840301 '))?.iso).toBe('1995-03-01');
    expect(valueOf(readRocDate(null))).toBeNull();
    expect(valueOf(readRocDate('\u3000'))).toBeNull();
  });
  it('reads a number cell as the digits it shows', () => {
    expect(valueOf(readRocDate(1130229))?.iso).toBe('2024-02-29');
  });
  it('says Excel dropped the leading zero of a 6-digit number', () => {
    expect(failureOf(readRocDate(840301))).toEqual({
      ok: false,
      code: 'date.roc_invalid',
      params: { actual: '840301', reason: 'date.leading_zero', fixed: '0840301', suggestion: '0840301' },
    });
  });
  it('suggests nothing when the padded number is no date either', () => {
    const f = failureOf(readRocDate(841301));
    expect(f.params).toEqual({ actual: '841301', reason: 'date.month_range' });
  });
  it('reports full-width digits with the half-width suggestion', () => {
    expect(failureOf(readRocDate('０８４０３０１'))).toEqual({
      ok: false,
      code: 'cell.fullwidth',
      params: { actual: '０８４０３０１', suggestion: '0840301' },
    });
  });
  it('asks for ROC text instead of a real Excel date', () => {
    expect(failureOf(readRocDate({ date: '1995-03-01' }))).toEqual({
      ok: false,
      code: 'date.roc_invalid',
      params: { actual: '1995-03-01', reason: 'date.excel_date', suggestion: '0840301' },
    });
    expect(failureOf(readRocDate({ date: '1900-01-01' })).params.suggestion).toBeUndefined();
  });
  it('suggests the ROC text for Gregorian and separated text', () => {
    expect(failureOf(readRocDate('1995-03-01')).params).toMatchObject({ suggestion: '0840301', reason: 'date.use_roc' });
    expect(failureOf(readRocDate('1995/3/1')).params.suggestion).toBe('0840301');
    expect(failureOf(readRocDate('19950301')).params.suggestion).toBe('0840301');
    expect(failureOf(readRocDate('84/03/01')).params.suggestion).toBe('0840301');
    expect(failureOf(readRocDate('840301')).params).toMatchObject({ suggestion: '0840301', reason: 'date.pad_year' });
    expect(failureOf(readRocDate('2023-02-29')).params.suggestion).toBeUndefined();
  });
  it('refuses booleans and errors as the wrong type', () => {
    expect(failureOf(readRocDate(true)).code).toBe('cell.type');
    expect(failureOf(readRocDate({ error: '#REF!' }))).toMatchObject({ code: 'cell.type', params: { actual: '#REF!' } });
  });
  it('never throws on hostile strings', () => {
    for (const s of HOSTILE) expect(() => readRocDate(s)).not.toThrow();
    for (const n of [Number.NaN, Infinity, -1, 0.5, 1e300]) expect(readRocDate(n).ok).toBe(false);
  });
});

describe('date arithmetic', () => {
  it('converts from ISO', () => {
    expect(rocDateFromIso('2024-02-29')?.text).toBe('1130229');
    expect(rocDateFromIso('2023-02-29')).toBeNull();
    expect(rocDateFromIso('1911-12-31')).toBeNull();
    expect(rocDateFromIso('garbage')).toBeNull();
  });
  it('compares', () => {
    expect(compareRocDates(roc('0840301'), roc('0840302'))).toBe(-1);
    expect(compareRocDates(roc('1000101'), roc('0991231'))).toBe(1);
    expect(compareRocDates(roc('0840301'), roc('0840301'))).toBe(0);
  });
});

describe('parseGregorianOrRoc', () => {
  it('accepts both conventions and says which it saw', () => {
    expect(valueOf(parseGregorianOrRoc('1995-03-01'))).toEqual({ date: roc('0840301'), format: 'gregorian' });
    expect(valueOf(parseGregorianOrRoc('1995/3/1'))).toEqual({ date: roc('0840301'), format: 'gregorian' });
    expect(valueOf(parseGregorianOrRoc('0840301'))).toEqual({ date: roc('0840301'), format: 'roc' });
  });
  it('refuses impossible and unknown forms', () => {
    expect(reasonOf(parseGregorianOrRoc('2023-02-29'))).toBe('2023 年 2 月只有 28 日');
    expect(failureOf(parseGregorianOrRoc('1995-03/01')).code).toBe('date.roc_invalid');
    expect(reasonOf(parseGregorianOrRoc('1900-01-01'))).toBe('西元年須為 1912 年以後');
    expect(failureOf(parseGregorianOrRoc('yesterday')).code).toBe('date.roc_invalid');
    expect(failureOf(parseGregorianOrRoc('１９９５-03-01'))).toMatchObject({ code: 'cell.fullwidth', params: { suggestion: '1995-03-01' } });
  });
  it('reads cells for imports', () => {
    expect(valueOf(readGregorianOrRoc({ date: '2024-02-29' }))).toEqual({ date: roc('1130229'), format: 'gregorian' });
    expect(valueOf(readGregorianOrRoc(1130229))).toEqual({ date: roc('1130229'), format: 'roc' });
    expect(valueOf(readGregorianOrRoc(''))).toBeNull();
  });
  it('never throws on hostile strings', () => {
    for (const s of HOSTILE) expect(() => parseGregorianOrRoc(s)).not.toThrow();
  });
});

describe('readRocYear', () => {
  it('reads 3-digit text and numbers', () => {
    expect(valueOf(readRocYear('115'))).toBe(115);
    expect(valueOf(readRocYear(115, { min: 100 }))).toBe(115);
    expect(valueOf(readRocYear('100', { min: 100 }))).toBe(100);
  });
  it('enforces the minimum', () => {
    expect(failureOf(readRocYear('99', { min: 100 }))).toMatchObject({
      code: 'date.out_of_range',
      params: { actual: '99', reason: 'date.application_year_min', limit: 100 },
    });
  });
  it('refuses other shapes', () => {
    expect(failureOf(readRocYear('2026'))).toMatchObject({ code: 'date.roc_invalid', params: { suggestion: '115' } });
    expect(failureOf(readRocYear('1150')).code).toBe('date.roc_invalid');
    expect(failureOf(readRocYear('115.5')).code).toBe('date.roc_invalid');
    expect(failureOf(readRocYear('0')).code).toBe('date.roc_invalid');
    expect(failureOf(readRocYear('１１５'))).toMatchObject({ code: 'cell.fullwidth', params: { suggestion: '115' } });
    expect(failureOf(readRocYear(null)).code).toBe('cell.required');
    expect(failureOf(readRocYear(true)).code).toBe('cell.type');
  });
  it('never throws on hostile strings', () => {
    for (const s of HOSTILE) expect(() => readRocYear(s, { min: 100 })).not.toThrow();
  });
});
