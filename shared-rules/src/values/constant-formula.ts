// A formula typed into an input cell (=1200*3) is computed by us only when it is pure constant arithmetic (SPEC §7:
// a cached result is never trusted); references, functions other than SUM, text and DDE stay unknown.
import { Decimal } from 'decimal.js';

export type ConstantFormula =
  | { readonly ok: true; readonly value: Decimal }
  /** 'division_by_zero': Excel shows #DIV/0!; 'not_constant': anything but numbers, + - * /, parentheses and SUM. */
  | { readonly ok: false; readonly reason: 'not_constant' | 'division_by_zero' };

// long enough for any arithmetic an accountant types, short enough that a hostile formula stays cheap
const MAX_LENGTH = 500;
const MAX_DEPTH = 50;

type Token = { readonly t: 'num'; readonly v: Decimal } | { readonly t: 'op'; readonly v: string } | { readonly t: 'sum' };

const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;

const tokenize = (text: string): Token[] | null => {
  const tokens: Token[] = [];
  let rest = text;
  while (rest.length > 0) {
    const ch = rest.charAt(0);
    if (ch === ' ') {
      rest = rest.slice(1);
      continue;
    }
    const number = NUMBER.exec(rest);
    if (number !== null) {
      tokens.push({ t: 'num', v: new Decimal(number[0]) });
      rest = rest.slice(number[0].length);
    } else if ('+-*/(),'.includes(ch)) {
      tokens.push({ t: 'op', v: ch });
      rest = rest.slice(1);
    } else if (/^SUM\(/i.test(rest)) {
      tokens.push({ t: 'sum' }, { t: 'op', v: '(' });
      rest = rest.slice(4);
    } else {
      return null;
    }
  }
  return tokens;
};

class NotConstant extends Error {}
class DivisionByZero extends Error {}

/** Recursive descent over expr := term (± term)*, term := unary (×÷ unary)*, unary := ±unary | number | (expr) | SUM(expr,…). */
const parse = (tokens: readonly Token[]): Decimal => {
  let i = 0;
  const peek = (): Token | undefined => tokens[i];
  const op = (): string | undefined => {
    const t = peek();
    return t?.t === 'op' ? t.v : undefined;
  };
  const isOp = (v: string): boolean => op() === v;
  const expect = (v: string): void => {
    if (!isOp(v)) throw new NotConstant();
    i += 1;
  };
  const expr = (depth: number): Decimal => {
    if (depth > MAX_DEPTH) throw new NotConstant();
    let value = term(depth);
    for (let sign = op(); sign === '+' || sign === '-'; sign = op()) {
      i += 1;
      const right = term(depth);
      value = sign === '+' ? value.plus(right) : value.minus(right);
    }
    return value;
  };
  const term = (depth: number): Decimal => {
    let value = unary(depth);
    for (let sign = op(); sign === '*' || sign === '/'; sign = op()) {
      i += 1;
      const right = unary(depth);
      if (sign === '/' && right.isZero()) throw new DivisionByZero();
      value = sign === '*' ? value.times(right) : value.dividedBy(right);
    }
    return value;
  };
  const unary = (depth: number): Decimal => {
    if (depth > MAX_DEPTH) throw new NotConstant();
    if (isOp('-')) {
      i += 1;
      return unary(depth + 1).negated();
    }
    if (isOp('+')) {
      i += 1;
      return unary(depth + 1);
    }
    const t = peek();
    if (t?.t === 'num') {
      i += 1;
      return t.v;
    }
    if (t?.t === 'sum') {
      i += 1;
      expect('(');
      let total = new Decimal(0);
      if (!isOp(')')) {
        total = total.plus(expr(depth + 1));
        while (isOp(',')) {
          i += 1;
          total = total.plus(expr(depth + 1));
        }
      }
      expect(')');
      return total;
    }
    expect('(');
    const inner = expr(depth + 1);
    expect(')');
    return inner;
  };
  const value = expr(0);
  if (i !== tokens.length) throw new NotConstant();
  return value;
};

/** Evaluates a formula's text (without the leading "=") when it is constant arithmetic. */
export const evaluateConstantFormula = (formula: string): ConstantFormula => {
  const text = formula.trim().replace(/^=/, '');
  if (text === '' || text.length > MAX_LENGTH) return { ok: false, reason: 'not_constant' };
  const tokens = tokenize(text);
  if (tokens === null) return { ok: false, reason: 'not_constant' };
  try {
    return { ok: true, value: parse(tokens) };
  } catch (error) {
    if (error instanceof DivisionByZero) return { ok: false, reason: 'division_by_zero' };
    if (error instanceof NotConstant) return { ok: false, reason: 'not_constant' };
    throw error;
  }
};
