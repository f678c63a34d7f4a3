import { checkUbn, readUbn, ubnChecksumOk } from './ubn';
import { failureOf, HOSTILE, valueOf, reasonOf } from './test-helpers';

describe('ubnChecksumOk', () => {
  it('passes the SPEC vectors', () => {
    expect(ubnChecksumOk('04595257')).toBe(true); // sum 40
    expect(ubnChecksumOk('10458574')).toBe(true); // sum 29, 7th digit 7: 29 + 1 = 30
    expect(ubnChecksumOk('04595252')).toBe(true); // sum 35: only the 2023 rule
    expect(ubnChecksumOk('10458570')).toBe(true); // sum 25: only the 2023 rule
  });
  it('fails bad numbers', () => {
    expect(ubnChecksumOk('04595250')).toBe(false); // 0+8+5+(1+8)+5+4+(2+0)+0 = 33
    expect(ubnChecksumOk('10458572')).toBe(false); // sum 27, and 27 + 1 = 28: neither divisible by 5
    expect(ubnChecksumOk('04595256')).toBe(false); // sum 39: sum + 1 would pass, but the 7th digit is 5
  });
  it('refuses anything but 8 digits', () => {
    expect(ubnChecksumOk('4595257')).toBe(false);
    expect(ubnChecksumOk('０4595257')).toBe(false);
  });
});

describe('checkUbn', () => {
  it('accepts valid numbers, trimmed', () => {
    expect(valueOf(checkUbn(' 04595257\u00a0'))).toBe('04595257');
  });
  it('reports a bad checksum', () => {
    expect(failureOf(checkUbn('04595250'))).toMatchObject({ code: 'id.ubn_checksum', params: { actual: '04595250' } });
  });
  it('reports the wrong length or non-digits', () => {
    expect(failureOf(checkUbn('1234567'))).toMatchObject({ code: 'id.ubn_checksum', params: { reason: 'ubn.length' } });
    expect(reasonOf(checkUbn('0459525A'))).toBe('須為 8 碼數字');
    expect(failureOf(checkUbn('4595257')).params.suggestion).toBe('04595257');
  });
  it('reports full-width digits with the half-width suggestion', () => {
    expect(failureOf(checkUbn('０４５９５２５７'))).toEqual({
      ok: false,
      code: 'cell.fullwidth',
      params: { actual: '０４５９５２５７', suggestion: '04595257' },
    });
  });
});

describe('readUbn', () => {
  it('reads text cells', () => {
    expect(valueOf(readUbn('04595257'))).toBe('04595257');
    expect(valueOf(readUbn(10458574))).toBe('10458574');
  });
  it('says Excel dropped the leading zero of a 7-digit number instead of calling it a bad checksum', () => {
    expect(failureOf(readUbn(4595257))).toEqual({
      ok: false,
      code: 'id.ubn_checksum',
      params: {
        actual: '4595257',
        reason: 'ubn.leading_zero',
        fixed: '04595257',
        suggestion: '04595257',
      },
    });
  });
  it('still mentions the lost zero when the padded number is wrong too', () => {
    const f = failureOf(readUbn(4595250));
    expect(reasonOf(f)).toContain('前導 0 被 Excel 去除');
    expect(f.params.suggestion).toBeUndefined();
  });
  it('refuses blanks and other cell types', () => {
    expect(failureOf(readUbn(null)).code).toBe('cell.required');
    expect(reasonOf(readUbn(4595257.5))).toBe('須為 8 碼數字');
    expect(failureOf(readUbn({ date: '2024-01-01' })).code).toBe('id.ubn_checksum');
  });
  it('never throws on hostile strings', () => {
    for (const s of HOSTILE) expect(() => readUbn(s)).not.toThrow();
  });
});
