import { checkPhone, readPhone } from './phone';
import { failureOf, HOSTILE, valueOf, reasonOf } from './test-helpers';

describe('checkPhone', () => {
  it.each(['04-25670000', '049-2345678', '0836-22123', '07-8124633', '0912-345678', '02-23456789', '037-123456', '089-123456', '04-25670000#123', '04-25670000#1'])(
    'accepts %s',
    (s) => {
      expect(valueOf(checkPhone(s))).toBe(s);
    },
  );
  it('trims padding', () => {
    expect(valueOf(checkPhone('\u00a004-25670000 '))).toBe('04-25670000');
  });
  it('asks for the area code and dash when they are missing', () => {
    expect(failureOf(checkPhone('0425670000'))).toEqual({
      ok: false,
      code: 'contact.phone_format',
      params: { actual: '0425670000', reason: 'phone.add_area_code', suggestion: '04-25670000' },
    });
    expect(failureOf(checkPhone('0912345678')).params.suggestion).toBe('0912-345678');
    // Without a leading 0 the area code is unknown: no guessed number.
    expect(failureOf(checkPhone('25670000')).params).toEqual({ actual: '25670000', reason: 'phone.add_area_code' });
  });
  it('moves a dash in the wrong place to after the area code', () => {
    expect(failureOf(checkPhone('042-5670000'))).toMatchObject({
      code: 'contact.phone_format',
      params: { actual: '042-5670000', suggestion: '04-25670000' },
    });
    expect(failureOf(checkPhone('09-12345678')).params.suggestion).toBe('0912-345678');
  });
  it('reports the wrong number of digits', () => {
    expect(failureOf(checkPhone('02-1234567'))).toMatchObject({ code: 'contact.phone_format', params: { actual: '02-1234567' } });
    expect(failureOf(checkPhone('02-1234567')).params.suggestion).toBeUndefined();
    expect(failureOf(checkPhone('0826-12345')).code).toBe('contact.phone_format');
  });
  it('wants the domestic form, suggesting it for international input', () => {
    expect(failureOf(checkPhone('+886-4-25670000'))).toMatchObject({
      code: 'contact.phone_format',
      params: { reason: 'phone.no_country_code', suggestion: '04-25670000' },
    });
    expect(failureOf(checkPhone('+1 650 253 0000')).params.suggestion).toBeUndefined();
  });
  it('suggests the fix for spaces, parentheses and other extension forms', () => {
    expect(failureOf(checkPhone('(04)25670000')).params.suggestion).toBe('04-25670000');
    expect(failureOf(checkPhone('04 2567 0000')).params.suggestion).toBe('04-25670000');
    expect(failureOf(checkPhone('04-25670000 ext 123')).params.suggestion).toBe('04-25670000#123');
    expect(failureOf(checkPhone('04-25670000分機123'))).toMatchObject({
      params: { reason: 'phone.extension', suggestion: '04-25670000#123' },
    });
    expect(reasonOf(checkPhone('04-25670000#1234567'))).toContain('#123');
  });
  it('says the dash belongs only after the area code', () => {
    expect(failureOf(checkPhone('02-2345-6789')).params).toEqual({
      actual: '02-2345-6789',
      reason: 'phone.dash_after_area',
      suggestion: '02-23456789',
    });
    expect(failureOf(checkPhone('0912-345-678')).params.suggestion).toBe('0912-345678');
  });
  it('refuses numbers that are neither landline nor mobile', () => {
    expect(failureOf(checkPhone('0800-123456')).code).toBe('contact.phone_format');
  });
  it('reports full-width input with the domestic half-width suggestion', () => {
    expect(failureOf(checkPhone('０４－２５６７００００'))).toEqual({
      ok: false,
      code: 'cell.fullwidth',
      params: { actual: '０４－２５６７００００', suggestion: '04-25670000' },
    });
  });
  it('never throws on hostile strings', () => {
    for (const s of HOSTILE) expect(() => checkPhone(s)).not.toThrow();
    expect(checkPhone('0'.repeat(10_000)).ok).toBe(false);
  });
});

describe('readPhone', () => {
  it('reads text, blank is null', () => {
    expect(valueOf(readPhone('0912-345678'))).toBe('0912-345678');
    expect(valueOf(readPhone(null))).toBeNull();
  });
  it('explains a number cell that lost its leading 0', () => {
    expect(failureOf(readPhone(425670000))).toMatchObject({ code: 'contact.phone_format', params: { suggestion: '04-25670000' } });
    expect(failureOf(readPhone(true)).code).toBe('contact.phone_format');
  });
});
