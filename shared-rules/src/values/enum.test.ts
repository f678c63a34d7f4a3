import { readEnum } from './enum';
import { failureOf, HOSTILE, valueOf } from './test-helpers';

const DAYS = ['0.5', '1', '2'] as const;
const TYPES = ['職業工會', '企業工會', '產業工會'] as const;

describe('readEnum', () => {
  it('matches exactly after cleaning', () => {
    expect(valueOf(readEnum('\u00a0職業工會\u3000', TYPES))).toBe('職業工會');
    expect(valueOf(readEnum(null, TYPES))).toBeNull();
  });
  it('matches number cells by the text they show', () => {
    expect(valueOf(readEnum(1, DAYS))).toBe('1');
    expect(valueOf(readEnum(0.5, DAYS))).toBe('0.5');
    expect(valueOf(readEnum('2', DAYS))).toBe('2');
  });
  it('reports a full-width look-alike with the suggestion', () => {
    expect(failureOf(readEnum('１', DAYS))).toEqual({ ok: false, code: 'cell.fullwidth', params: { actual: '１', suggestion: '1' } });
  });
  it('reports anything else with the options', () => {
    expect(failureOf(readEnum('工會', TYPES))).toEqual({
      ok: false,
      code: 'cell.enum',
      params: { actual: '工會', expected: '職業工會、企業工會、產業工會' },
    });
    expect(failureOf(readEnum(3, DAYS)).params.expected).toBe('0.5、1、2');
    expect(failureOf(readEnum('1.0', DAYS)).code).toBe('cell.enum');
    expect(failureOf(readEnum('３', DAYS)).code).toBe('cell.enum');
    expect(failureOf(readEnum(true, DAYS)).params.actual).toBe('TRUE');
  });
  it('suggests the option that differs only in case', () => {
    expect(failureOf(readEnum('v', ['V']))).toMatchObject({ code: 'cell.enum', params: { suggestion: 'V' } });
  });
  it('never throws on hostile strings', () => {
    for (const s of HOSTILE) expect(() => readEnum(s, TYPES)).not.toThrow();
  });
});
