import { isDateFormat, parseNameAddress, serialToIsoDate, snapshotCell } from './values';

describe('serialToIsoDate', () => {
  it.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [60, '1900-02-29'], // Excel's fictitious leap day (Lotus 1-2-3 compatibility)
    [61, '1900-03-01'],
    [28517, '1978-01-27'],
    [45658, '2025-01-01'],
    [45658.75, '2025-01-01'], // a time of day does not move the date
  ])('serial %d is %s', (serial, iso) => expect(serialToIsoDate(serial)).toBe(iso));
});

describe('isDateFormat', () => {
  it.each(['yyyy/m/d', 'm/d/yyyy', 'mm-dd-yy', '[$-zh-TW]e/m/d', 'h:mm', 'yyyy"年"m"月"d"日"'])('%s shows a date or time', (f) =>
    expect(isDateFormat(f)).toBe(true),
  );
  it.each(['General', '#,##0', '0.00', '@', '"元"#,##0', '[Red]#,##0;[Blue]-#,##0', '', undefined])('%s does not', (f) =>
    expect(isDateFormat(f)).toBe(false),
  );
});

describe('snapshotCell', () => {
  it('strips the = of a formula and keeps its cached result', () => {
    expect(snapshotCell(2024904, '=SUM(M14:P14)', '#,##0', 'Integer')).toEqual({ v: 2024904, f: 'SUM(M14:P14)' });
  });
  it('keeps a formula cell whose result is empty, with a null value', () => {
    expect(snapshotCell('', '=IF(C14="","",C14)', 'General', 'Empty')).toEqual({ v: null, f: 'IF(C14="","",C14)' });
  });
  it('drops empty cells', () => {
    expect(snapshotCell('', '', 'General', 'Empty')).toBeNull();
  });
  it('reads a number in a date format as an ISO date', () => {
    expect(snapshotCell(28517, 28517, 'yyyy/m/d', 'Integer')).toEqual({ v: { date: '1978-01-27' } });
  });
  it('reads an error as {error}', () => {
    expect(snapshotCell('#REF!', '#REF!', 'General', 'Error')).toEqual({ v: { error: '#REF!' } });
  });
  it('keeps text that merely starts with = as text', () => {
    expect(snapshotCell('=不是公式', '=不是公式', '@', 'String')).toEqual({ v: '=不是公式' });
  });
  it('keeps text digits as text and booleans as booleans', () => {
    expect(snapshotCell('0840301', '0840301', '@', 'String')).toEqual({ v: '0840301' });
    expect(snapshotCell(true, true, 'General', 'Boolean')).toEqual({ v: true });
  });
});

describe('parseNameAddress', () => {
  it.each([
    ["'現金收支登記簿'!$A$14:$K$3013", { sheet: '現金收支登記簿', ref: 'A14:K3013' }],
    ['=申請書!$C$4', { sheet: '申請書', ref: 'C4' }],
    ["'It''s'!$B$2", { sheet: "It's", ref: 'B2' }],
    ["'a,b'!$A$1:$A$2,'a,b'!$C$1", { sheet: 'a,b', ref: 'A1:A2' }],
  ])('%s', (value, target) => expect(parseNameAddress(value)).toEqual(target));
  it.each(['#REF!', '=#REF!', '123', 42, null])('%s is not a range', (value) => expect(parseNameAddress(value)).toBeNull());
});
