import { Decimal } from 'decimal.js';
import { readAmount } from './amount';
import { failureOf, HOSTILE, valueOf } from './test-helpers';

const amount = (v: Parameters<typeof readAmount>[0], opts?: Parameters<typeof readAmount>[1]) => valueOf(readAmount(v, opts))?.toFixed();

describe('readAmount', () => {
  it('reads numbers and plain digit text as Decimal', () => {
    expect(amount(467000)).toBe('467000');
    expect(amount('467000')).toBe('467000');
    expect(amount(' 0 ')).toBe('0');
    expect(valueOf(readAmount(15937))).toBeInstanceOf(Decimal);
  });
  it('is null for blank cells', () => {
    expect(valueOf(readAmount(null))).toBeNull();
    expect(valueOf(readAmount('\u00a0'))).toBeNull();
  });
  it('treats a float artefact within 1e-6 as the whole number', () => {
    expect(amount(1234.0000001)).toBe('1234');
    expect(amount(1233.9999999)).toBe('1234');
    expect(amount(1234.000001)).toBe('1234');
    expect(failureOf(readAmount(1234.00001))).toMatchObject({ code: 'cell.not_integer', params: { actual: '1,234.00001' } });
    expect(failureOf(readAmount(0.5))).toMatchObject({ code: 'cell.not_integer' });
  });
  it('reads decimal text exactly (no artefact tolerance for typed text)', () => {
    expect(amount('1234.0')).toBe('1234');
    expect(failureOf(readAmount('1234.0000001'))).toMatchObject({ code: 'cell.not_integer' });
    expect(amount('0.5', { integer: false })).toBe('0.5');
  });
  it('reports full-width digits with the half-width suggestion', () => {
    expect(failureOf(readAmount('１２３４'))).toEqual({
      ok: false,
      code: 'cell.fullwidth',
      params: { actual: '１２３４', suggestion: '1234' },
    });
    expect(failureOf(readAmount('１，２３４'))).toMatchObject({ params: { suggestion: '1234' } });
  });
  it('reports thousands commas, currency and words as cell.type, suggesting the number when it can', () => {
    expect(failureOf(readAmount('1,234'))).toEqual({
      ok: false,
      code: 'cell.type',
      params: { actual: '1,234', expectedType: 'type.number_no_comma', suggestion: '1234' },
    });
    expect(failureOf(readAmount('NT$100'))).toMatchObject({ code: 'cell.type', params: { suggestion: '100' } });
    expect(failureOf(readAmount('100 元'))).toMatchObject({ code: 'cell.type', params: { suggestion: '100' } });
    expect(failureOf(readAmount('abc')).params).toEqual({ actual: 'abc', expectedType: 'type.number' });
    expect(failureOf(readAmount('1,23')).params.suggestion).toBeUndefined();
  });
  it('refuses booleans, dates and formula errors', () => {
    expect(failureOf(readAmount(true))).toMatchObject({ code: 'cell.type', params: { actual: 'TRUE' } });
    expect(failureOf(readAmount({ date: '2025-01-01' }))).toMatchObject({ code: 'cell.type' });
    expect(failureOf(readAmount({ error: '#VALUE!' }))).toMatchObject({ code: 'cell.type', params: { actual: '#VALUE!' } });
    expect(failureOf(readAmount(Number.NaN))).toMatchObject({ code: 'cell.type' });
  });
  it('refuses negatives unless allowed', () => {
    expect(failureOf(readAmount(-5))).toEqual({ ok: false, code: 'cell.negative', params: { actual: '-5' } });
    expect(failureOf(readAmount('-5'))).toMatchObject({ code: 'cell.negative' });
    expect(amount('-5', { allowNegative: true })).toBe('-5');
    expect(amount(-0)).toBe('0');
    expect(amount('-0')).toBe('0');
  });
  it('limits the number of integer digits', () => {
    expect(amount(999999999)).toBe('999999999');
    expect(failureOf(readAmount(1000000000))).toEqual({
      ok: false,
      code: 'cell.max_digits',
      params: { actual: '1,000,000,000', limit: 9 },
    });
    expect(failureOf(readAmount('12345', { maxDigits: 4 }))).toMatchObject({ params: { limit: 4 } });
    expect(amount('000123', { maxDigits: 3 })).toBe('123');
    expect(failureOf(readAmount(1e300))).toMatchObject({ code: 'cell.max_digits' });
  });
  it('never throws on hostile strings', () => {
    for (const s of HOSTILE) expect(() => readAmount(s)).not.toThrow();
    expect(failureOf(readAmount('1'.repeat(100_000)))).toMatchObject({ code: 'cell.max_digits' });
  });
});
