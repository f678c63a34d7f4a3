// The calendar: ROC years, day arithmetic across leap days and year ends, Taipei's date and clock, the ROC texts.
import {
  addDays,
  anniversary,
  completedYears,
  daysBetween,
  daysInMonth,
  gregorianYearOfRoc,
  isIsoDate,
  lastDayOfMonth,
  quarterOf,
  rocDateText,
  rocYearOf,
  rocYearOfGregorian,
  taipeiDate,
  taipeiDayEnd,
  taipeiRocTime,
  taipeiTimestamp,
} from './calendar';

describe('ROC years', () => {
  it('converts both ways', () => {
    expect(rocYearOfGregorian(2026)).toBe(115);
    expect(gregorianYearOfRoc(1)).toBe(1912);
    expect(rocYearOf('2026-11-21')).toBe(115);
  });
});

describe('calendar dates', () => {
  it('knows real dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2100-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
    expect([daysInMonth(2024, 2), daysInMonth(2025, 2), daysInMonth(2026, 4)]).toEqual([29, 28, 30]);
    expect([lastDayOfMonth(2024, 2), lastDayOfMonth(2026, 12)]).toEqual(['2024-02-29', '2026-12-31']);
    expect([quarterOf('2026-03-31'), quarterOf('2026-04-01'), quarterOf('2026-12-31')]).toEqual([1, 2, 4]);
  });

  it('counts days across leap days and year ends', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1);
    expect(daysBetween('2027-01-01', '2026-12-31')).toBe(-1);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('garbage', '2025-01-01')).toBeNaN();
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2026-12-25', 7)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(() => addDays('2024-03-01', 0.5)).toThrow(RangeError);
  });

  it('puts the anniversary of a 2/29 start on 2/28 in common years', () => {
    expect([anniversary('2020-02-29', 1), anniversary('2020-02-29', 4)]).toEqual(['2021-02-28', '2024-02-29']);
    expect([completedYears('2022-06-30', '2025-06-30'), completedYears('2022-07-01', '2025-06-30')]).toEqual([3, 2]);
  });
});

describe('Taipei', () => {
  it('takes the date in Taipei (UTC+8), across the year end', () => {
    expect(taipeiDate(new Date('2026-01-31T15:59:59.999Z'))).toBe('2026-01-31');
    expect(taipeiDate(new Date('2026-01-31T16:00:00.000Z'))).toBe('2026-02-01');
    expect(taipeiDate(new Date('2026-12-31T16:00:00.000Z'))).toBe('2027-01-01');
  });

  it('ends a day at its last millisecond in Taipei', () => {
    expect(taipeiDayEnd('2026-01-31').toISOString()).toBe('2026-01-31T15:59:59.999Z');
  });

  it('agrees with the Asia/Taipei time zone of Intl', () => {
    const zone = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Taipei', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const differ: string[] = [];
    for (let t = Date.UTC(2020, 0, 1); t < Date.UTC(2031, 0, 1); t += 7 * 3_600_000 + 13 * 60_000) {
      const parts = Object.fromEntries(zone.formatToParts(new Date(t)).map((p) => [p.type, p.value]));
      const expected = `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
      if (taipeiTimestamp(new Date(t)) !== expected) differ.push(expected);
    }
    expect(differ).toEqual([]);
  });
});

describe('ROC texts', () => {
  it('writes a date in each style the screens use', () => {
    expect(rocDateText('2026-03-01', 'long')).toBe('民國115年3月1日');
    expect(rocDateText('2026-03-01', 'numeric')).toBe('115/03/01');
    expect(rocDateText('2026-01-31', 'spaced')).toBe('115 年 1 月 31 日');
  });

  it('writes an instant as Taipei time', () => {
    expect(taipeiRocTime(new Date('2026-11-20T02:30:00.000Z'), 'long')).toBe('民國115年11月20日 10:30');
    expect(taipeiRocTime(new Date('2026-12-31T16:05:00.000Z'), 'numeric')).toBe('116/01/01 00:05');
    expect(taipeiTimestamp(new Date('2026-12-01T13:30:00.000Z'))).toBe('2026-12-01 21:30');
  });
});
