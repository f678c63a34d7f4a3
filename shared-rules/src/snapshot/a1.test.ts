import { parseAddress, parsePlainAddress, parseSheetReference } from './a1';

describe('parseSheetReference', () => {
  it.each([
    ["'現金收支登記簿'!$A$14:$K$3013", { sheet: '現金收支登記簿', ref: 'A14:K3013' }],
    ['=申請書!$C$4', { sheet: '申請書', ref: 'C4' }],
    ["'It''s'!$B$2", { sheet: "It's", ref: 'B2' }],
    ["'a,b'!$A$1:$A$2,'a,b'!$C$1", { sheet: 'a,b', ref: 'A1:A2' }],
    ['決算!b4:c9', { sheet: '決算', ref: 'B4:C9' }],
  ])('%s', (value, target) => expect(parseSheetReference(value)).toEqual(target));
  it.each(['#REF!', '=#REF!', '123', '', '!$A$1', "'決算'!$A:$A", '決算!#REF!'])('%s is not a range', (value) => expect(parseSheetReference(value)).toBeNull());
});

describe('parsePlainAddress', () => {
  it.each([
    ['A1', { col: 1, row: 1 }],
    ['K3013', { col: 11, row: 3013 }],
    ['XFD1048576', { col: 16384, row: 1048576 }],
    ['AB07', { col: 28, row: 7 }],
  ])('%s as the written form reads it', (a1, at) => {
    expect(parsePlainAddress(a1)).toEqual(at);
    expect(parseAddress(a1)).toEqual(at);
  });
  it.each(['$A$1', 'a1', ' A1', 'A', '1', 'ABCD1', 'A12345678', 'A1:B2', 'A-1'])('%s is left to the general parser', (a1) =>
    expect(parsePlainAddress(a1)).toBeNull(),
  );
  it('the general parser still reads the forms with $, lower case and spaces', () => {
    expect(parseAddress('$a$1 ')).toEqual({ col: 1, row: 1 });
    expect(parseAddress('ABCD1')).toBeNull();
  });
});
