import { parseSheetReference } from './a1';

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
