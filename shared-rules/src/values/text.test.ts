import { cellText, charLength, cleanText, readText } from './text';
import { failureOf, HOSTILE, valueOf } from './test-helpers';

describe('cleanText', () => {
  it('trims ASCII whitespace, NBSP, ideographic space and zero-width characters at both ends', () => {
    expect(cleanText(' \t\n\u00a0\u3000\u200b\u200c\u200d\ufeff工會\u3000\u00a0 \ufeff')).toBe('工會');
  });
  it('never touches the inside', () => {
    expect(cleanText('\u00a0王\u3000小\u200b明 ')).toBe('王\u3000小\u200b明');
  });
  it('keeps empty and plain strings as they are', () => {
    expect(cleanText('')).toBe('');
    expect(cleanText('abc')).toBe('abc');
    expect(cleanText('\u3000\u00a0')).toBe('');
  });
});

describe('charLength', () => {
  it('counts CJK characters and emoji pairs as one', () => {
    expect(charLength('港區工作')).toBe(4);
    expect(charLength('a😀b')).toBe(3);
    expect(charLength('')).toBe(0);
  });
  it('counts a lone surrogate as one', () => {
    expect(charLength('\ud800x')).toBe(2);
  });
});

describe('cellText', () => {
  it('is null for blank and padding-only cells', () => {
    expect(cellText(null)).toBeNull();
    expect(cellText(undefined)).toBeNull();
    expect(cellText('  \u3000\u00a0')).toBeNull();
  });
  it('shows numbers without exponent or trailing .0', () => {
    expect(cellText(4595257)).toBe('4595257');
    expect(cellText(0.5)).toBe('0.5');
    expect(cellText(1234.0000001)).toBe('1234.0000001');
    expect(cellText(1e21)).toBe('1000000000000000000000');
    expect(cellText(-0)).toBe('0');
    expect(cellText(-12)).toBe('-12');
  });
  it('rounds to the 15 significant digits Excel shows', () => {
    expect(cellText(0.1 + 0.2)).toBe('0.3');
  });
  it('shows booleans, dates and errors', () => {
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(false)).toBe('FALSE');
    expect(cellText({ date: '1995-03-01' })).toBe('1995-03-01');
    expect(cellText({ error: '#REF!' })).toBe('#REF!');
  });
  it('cleans text', () => {
    expect(cellText('\u00a0職業工會\u3000')).toBe('職業工會');
  });
});

describe('readText', () => {
  it('returns the cleaned text, or null when blank and optional', () => {
    expect(valueOf(readText(' 臺中市 '))).toBe('臺中市');
    expect(valueOf(readText(null))).toBeNull();
  });
  it('reports a blank required cell', () => {
    expect(failureOf(readText('\u3000', { required: true }))).toMatchObject({ code: 'cell.required', params: { actual: '' } });
  });
  it('counts the limit in characters', () => {
    expect(valueOf(readText('港'.repeat(150), { maxLength: 150 }))).toHaveLength(150);
    expect(failureOf(readText('港'.repeat(151), { maxLength: 150 }))).toEqual({
      ok: false,
      code: 'cell.max_length',
      params: { actual: '151', limit: 150 },
    });
    expect(valueOf(readText('😀'.repeat(5), { maxLength: 5 }))).toBe('😀'.repeat(5));
  });
  it('reads numbers as the text they show and refuses formula errors', () => {
    expect(valueOf(readText(12))).toBe('12');
    expect(failureOf(readText({ error: '#N/A' }))).toMatchObject({ code: 'cell.type', params: { actual: '#N/A' } });
  });
  it('never throws on hostile strings', () => {
    for (const s of HOSTILE) expect(() => readText(s, { maxLength: 10, required: true })).not.toThrow();
  });
});
