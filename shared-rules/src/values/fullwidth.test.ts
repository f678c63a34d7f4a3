import { hasFullWidth, toHalfWidth } from './fullwidth';
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
