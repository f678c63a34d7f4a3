import { checkNationalId, nationalIdChecksumOk, readNationalId, sexMatches } from './national-id';
import { failureOf, HOSTILE, valueOf, reasonOf } from './test-helpers';

describe('nationalIdChecksumOk', () => {
  it('passes the SPEC vectors', () => {
    // A=10: 1×1 + 0×9 + 1×8 + 2×7 + 3×6 + 4×5 + 5×4 + 6×3 + 7×2 + 8×1 + 9 = 130
    expect(nationalIdChecksumOk('A123456789')).toBe(true);
    // A=10: 1 + 0 + 8×8 + 0… + 1×1 + 4 = 70
    expect(nationalIdChecksumOk('A800000014')).toBe(true);
  });
  it('uses the units digit of the 2nd letter for old resident certificates', () => {
    // A=10 → 1; 2nd A=10 → units 0 ×8 = 0; check 9: 1 + 0 + 9 = 10
    expect(nationalIdChecksumOk('AA00000009')).toBe(true);
    // F=15 → 1 + 45 = 46; 2nd A → 0; 1×7+2×6+3×5+4×4+5×3+6×2+8×1 = 85; check 9: 46 + 85 + 9 = 140
    expect(nationalIdChecksumOk('FA12345689')).toBe(true);
    // A → 1; 2nd D=13 → units 3 ×8 = 24; check 5: 1 + 24 + 5 = 30
    expect(nationalIdChecksumOk('AD00000005')).toBe(true);
    expect(nationalIdChecksumOk('AD00000004')).toBe(false);
  });
  it('knows the out-of-order letters', () => {
    // I=34: 3 + 4×9 = 39; 1×8 = 8; zeros; check: 47 + c ≡ 0 → c = 3
    expect(nationalIdChecksumOk('I100000003')).toBe(true);
    // Z=33: 3 + 27 = 30; 2×8 = 16; check 4: 50
    expect(nationalIdChecksumOk('Z200000004')).toBe(true);
  });
  it('fails a wrong check digit', () => {
    expect(nationalIdChecksumOk('A123456788')).toBe(false);
  });
});

describe('checkNationalId', () => {
  it('returns kind and sex', () => {
    expect(valueOf(checkNationalId('A123456789'))).toEqual({ id: 'A123456789', kind: 'national', sex: '男' });
    expect(valueOf(checkNationalId('Z200000004'))).toEqual({ id: 'Z200000004', kind: 'national', sex: '女' });
    expect(valueOf(checkNationalId('A800000014'))).toEqual({ id: 'A800000014', kind: 'resident_new', sex: '男' });
    expect(valueOf(checkNationalId('AA00000009'))).toEqual({ id: 'AA00000009', kind: 'resident_old', sex: '男' });
    expect(valueOf(checkNationalId('AD00000005')).sex).toBe('女');
  });
  it('reports a bad checksum', () => {
    expect(failureOf(checkNationalId('A123456788'))).toMatchObject({ code: 'id.national_id', params: { actual: 'A123456788' } });
  });
  it('reports lower case with the upper-case suggestion', () => {
    expect(failureOf(checkNationalId('a123456789'))).toEqual({
      ok: false,
      code: 'id.national_id',
      params: { actual: 'a123456789', reason: 'id.upper_case', upper: 'A123456789', suggestion: 'A123456789' },
    });
    expect(failureOf(checkNationalId('a123456788')).params.suggestion).toBeUndefined();
  });
  it('reports shape errors', () => {
    expect(reasonOf(checkNationalId('A323456789'))).toContain('第 2 碼');
    expect(reasonOf(checkNationalId('A12345678'))).toContain('格式錯誤');
    expect(reasonOf(checkNationalId('1234567890'))).toContain('格式錯誤');
    expect(failureOf(checkNationalId('')).code).toBe('id.national_id');
  });
  it('reports full-width input with the half-width suggestion', () => {
    expect(failureOf(checkNationalId('Ａ１２３４５６７８９'))).toEqual({
      ok: false,
      code: 'cell.fullwidth',
      params: { actual: 'Ａ１２３４５６７８９', suggestion: 'A123456789' },
    });
  });
});

describe('readNationalId', () => {
  it('reads text cells and refuses the rest', () => {
    expect(valueOf(readNationalId(' A123456789 ')).id).toBe('A123456789');
    expect(failureOf(readNationalId(null)).code).toBe('cell.required');
    expect(failureOf(readNationalId(123456789)).code).toBe('id.national_id');
  });
  it('never throws on hostile strings', () => {
    for (const s of HOSTILE) expect(() => readNationalId(s)).not.toThrow();
  });
});

describe('sexMatches', () => {
  it('compares the id sex with a 性別 column', () => {
    expect(sexMatches('男', '男')).toBe(true);
    expect(sexMatches('男', ' 女 ')).toBe(false);
    expect(sexMatches('女', '女')).toBe(true);
  });
  it('does not judge when either side is unknown', () => {
    expect(sexMatches(null, '男')).toBe(true);
    expect(sexMatches('男', null)).toBe(true);
    expect(sexMatches('男', '')).toBe(true);
    expect(sexMatches('男', 'M')).toBe(true);
  });
});
