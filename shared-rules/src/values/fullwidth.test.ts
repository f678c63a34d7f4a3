import { digitsToHalfWidth, hasFullWidth, hasFullWidthNumber, toHalfWidth } from './fullwidth';
import { HOSTILE } from './test-helpers';

describe('hasFullWidth', () => {
  it('finds full-width digits, letters and signs', () => {
    expect(hasFullWidth('０８４０３０１')).toBe(true);
    expect(hasFullWidth('04－25670000')).toBe(true);
    expect(hasFullWidth('Ａ123456789')).toBe(true);
    expect(hasFullWidth('user＠example.com')).toBe(true);
  });
  it('finds an ideographic space inside digit-like content only', () => {
    expect(hasFullWidth('04\u300025670000')).toBe(true);
    expect(hasFullWidth('王\u3000小明')).toBe(false);
    expect(hasFullWidth('\u30001234\u3000')).toBe(false);
  });
  it('is false for half-width text and ordinary CJK', () => {
    expect(hasFullWidth('0840301')).toBe(false);
    expect(hasFullWidth('職業工會')).toBe(false);
    expect(hasFullWidth('')).toBe(false);
  });
  it('never throws on hostile strings', () => {
    for (const s of HOSTILE) expect(() => hasFullWidth(s)).not.toThrow();
  });
});

describe('toHalfWidth', () => {
  it('maps the full-width ASCII block and the ideographic space', () => {
    expect(toHalfWidth('０８４０３０１')).toBe('0840301');
    expect(toHalfWidth('０４－２５６７\u3000００００＃１２３')).toBe('04-2567 0000#123');
    expect(toHalfWidth('ＡＢｃ！～')).toBe('ABc!~');
  });
  it('leaves everything else alone', () => {
    expect(toHalfWidth('工會（臺中）')).toBe('工會(臺中)');
    expect(toHalfWidth('工會、臺中。')).toBe('工會、臺中。');
  });
});

describe('hasFullWidthNumber', () => {
  it('finds full-width digits only, not full-width punctuation of Chinese prose', () => {
    expect(hasFullWidthNumber('預計辦理４場次')).toBe(true);
    expect(hasFullWidthNumber('４３５臺中市梧棲區')).toBe(true);
    expect(hasFullWidthNumber('會員福利（節日禮品），共三場')).toBe(false);
    expect(hasFullWidthNumber('預計辦理4場次')).toBe(false);
    expect(hasFullWidthNumber('ＡＢＣ')).toBe(false);
  });
  it('finds a full-width sign inside a half-width number, but not Chinese punctuation after one', () => {
    expect(hasFullWidthNumber('04－25670000')).toBe(true);
    expect(hasFullWidthNumber('預算100，000元')).toBe(true);
    expect(hasFullWidthNumber('共3場，每場50人')).toBe(false);
  });
});

describe('digitsToHalfWidth', () => {
  it('turns digits and the signs inside numbers half-width', () => {
    expect(digitsToHalfWidth('４３５臺中市梧棲區臨港路四段１００號')).toBe('435臺中市梧棲區臨港路四段100號');
    expect(digitsToHalfWidth('預算１，２００，０００元')).toBe('預算1,200,000元');
    expect(digitsToHalfWidth('每場３．５小時，共４場')).toBe('每場3.5小時，共4場');
    expect(digitsToHalfWidth('０４－２５６７００００')).toBe('04-25670000');
    expect(digitsToHalfWidth('－５００')).toBe('-500');
    expect(digitsToHalfWidth('３／１５至１２／３１')).toBe('3/15至12/31');
  });
  it('leaves Chinese punctuation and full-width letters alone', () => {
    expect(digitsToHalfWidth('（一）教育訓練：４場，共８０人')).toBe('（一）教育訓練：4場，共80人');
    expect(digitsToHalfWidth('ＡＢＣ－工會')).toBe('ＡＢＣ－工會');
  });
  it('never throws on hostile strings', () => {
    for (const s of HOSTILE) expect(() => digitsToHalfWidth(s)).not.toThrow();
  });
});
