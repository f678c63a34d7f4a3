import { snapshotCell } from './values';

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
  it('reads a date serial of a 1904-system workbook from its own epoch', () => {
    expect(snapshotCell(27055, 27055, 'yyyy/m/d', 'Integer', true)).toEqual({ v: { date: '1978-01-27' } });
    expect(snapshotCell(27055, 27055, 'yyyy/m/d', 'Integer')).toEqual({ v: { date: '1974-01-26' } });
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
