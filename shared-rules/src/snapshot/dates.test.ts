import { isDateFormat, serialToIsoDate } from './dates';

describe('serialToIsoDate', () => {
  it.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [28517, '1978-01-27'],
    [45658, '2025-01-01'],
    [45658.75, '2025-01-01'], // a time of day does not move the date
  ])('serial %d is %s (1900 system)', (serial, iso) => expect(serialToIsoDate(serial)).toBe(iso));

  it('reads the 1904 system 1,462 days apart', () => {
    expect(serialToIsoDate(0, true)).toBe('1904-01-01');
    expect(serialToIsoDate(45658 - 1462, true)).toBe('2025-01-01');
  });

  it.each([-1, 2_958_466, Number.NaN, Number.POSITIVE_INFINITY])('%d is no date', (serial) => expect(serialToIsoDate(serial)).toBeNull());
});

describe('isDateFormat', () => {
  it.each(['yyyy/m/d', 'm/d/yyyy', 'mm-dd-yy', 'YYYY-MM-DD', '[$-zh-TW]e/m/d', '[$-404]e"年"m"月"d"日"', 'h:mm', 'yyyy"年"m"月"d"日"', 'B2yyyy/mm/dd'])(
    '%s shows a date or time',
    (f) => expect(isDateFormat(f)).toBe(true),
  );
  it.each(['General', '#,##0', '0.00', '@', '0.00E+00', '"元"#,##0', '#,##0\\ "天"', '_-* #,##0_-;\\-* #,##0_-;_-* "-"_-;_-@_-', '[Red]#,##0;[Blue]-#,##0', '', undefined, 14])(
    '%s does not',
    (f) => expect(isDateFormat(f)).toBe(false),
  );
});
