import { evaluateConstantFormula } from './constant-formula';
import { HOSTILE } from './test-helpers';

const valueOf = (formula: string): string | null => {
  const r = evaluateConstantFormula(formula);
  return r.ok ? r.value.toFixed() : null;
};

describe('evaluateConstantFormula', () => {
  it('computes the arithmetic accountants type into amount cells, exactly', () => {
    expect(valueOf('1200*3')).toBe('3600');
    expect(valueOf('=1200*3')).toBe('3600');
    expect(valueOf('28000+20000-1500')).toBe('46500');
    expect(valueOf('(1200+300)*2')).toBe('3000');
    expect(valueOf('-500+1000')).toBe('500');
    expect(valueOf('--5')).toBe('5');
    expect(valueOf('+7')).toBe('7');
    expect(valueOf(' 0.1 + 0.2 ')).toBe('0.3');
    expect(valueOf('1000/8')).toBe('125');
    expect(valueOf('SUM(1200,3400,5)')).toBe('4605');
    expect(valueOf('sum(2*3,(4))')).toBe('10');
    expect(valueOf('SUM()')).toBe('0');
    expect(valueOf('1.5E3')).toBe('1500');
  });

  it('keeps the usual precedence: × and ÷ before + and −, left to right', () => {
    expect(valueOf('2+3*4')).toBe('14');
    expect(valueOf('100-10-10')).toBe('80');
    expect(valueOf('100/10/2')).toBe('5');
    expect(valueOf('-2*-3')).toBe('6');
  });

  it('says a division by zero apart (Excel shows #DIV/0!)', () => {
    expect(evaluateConstantFormula('1/0')).toEqual({ ok: false, reason: 'division_by_zero' });
    expect(evaluateConstantFormula('5/(3-3)')).toEqual({ ok: false, reason: 'division_by_zero' });
  });

  it.each([
    'B4*2',
    'A1',
    "'決算'!B4+1",
    'SUM(B3:B15)',
    'HYPERLINK("http://example.com","工會")',
    "cmd|' /C calc'!A0",
    '"28000"',
    '1200*3&""',
    'ROUND(1.5,0)',
    '2^3',
    '50%',
    '1,2',
    '(1+2',
    '1+',
    '1 2',
    '1.2.3',
    '',
    '=',
  ])('refuses %j as not constant arithmetic', (formula) => {
    expect(evaluateConstantFormula(formula)).toEqual({ ok: false, reason: 'not_constant' });
  });

  it('refuses deep nesting and very long formulas instead of recursing', () => {
    expect(evaluateConstantFormula(`${'('.repeat(100)}1${')'.repeat(100)}`)).toEqual({ ok: false, reason: 'not_constant' });
    expect(valueOf(`${'('.repeat(20)}1${')'.repeat(20)}`)).toBe('1');
    expect(evaluateConstantFormula('-'.repeat(300) + '1')).toEqual({ ok: false, reason: 'not_constant' });
    expect(evaluateConstantFormula(Array.from({ length: 400 }, () => '1').join('+'))).toEqual({ ok: false, reason: 'not_constant' });
  });

  it('never throws on hostile strings', () => {
    for (const s of HOSTILE) expect(() => evaluateConstantFormula(s)).not.toThrow();
  });
});
