// Amounts for the relation rules: recomputed values (SPEC §7), blank read as Excel does, unknown when an input cannot be read.
import Decimal from 'decimal.js';
import { moneyText } from '../../values/money';
import { type CheckContext } from '../../check/context';
import { toNumber, type Expr } from '../../definition/expr';
import { type Location, makeFinding, type Params } from '../../findings/make';
import { type FindingCode } from '../../findings/catalogue';
import { type Finding } from '../../findings/types';
import { cellsOfRange } from '../../snapshot/a1';

export const ZERO = new Decimal(0);

const refsOf = (expr: Expr): { sheet: string; cell: string }[] => {
  switch (expr.t) {
    case 'cell':
      return [{ sheet: expr.ref.sheet, cell: expr.ref.cell }];
    case 'range':
      return cellsOfRange(expr.ref).map((cell) => ({ sheet: expr.sheet, cell }));
    case 'sum':
    case 'add':
    case 'concat':
      return expr.items.flatMap(refsOf);
    case 'sub':
      return [...refsOf(expr.a), ...refsOf(expr.b)];
    case 'if_blank':
      return [...refsOf(expr.test), ...refsOf(expr.then), ...refsOf(expr.else)];
    case 'if_eq':
      return [...refsOf(expr.a), ...refsOf(expr.b), ...refsOf(expr.then), ...refsOf(expr.else)];
    default:
      return [];
  }
};

/**
 * A cell's recomputed amount, or null when a comparison using it must be skipped: an input (or any input a formula
 * depends on) holds something that is not a number, or a required input is blank — the cell rules report both.
 * An optional blank input reads 0, as Excel's formulas read it.
 */
export const knownAmount = (ctx: CheckContext, sheet: string, cell: string): Decimal | null =>
  ctx.memo(`known-amount:${sheet}!${cell}`, (): Decimal | null => {
    const spec = ctx.form.spec(sheet, cell);
    if (spec?.kind === 'formula') {
      const unknown = refsOf(spec.expr).some((ref) => knownAmount(ctx, ref.sheet, ref.cell) === null);
      return unknown ? null : ctx.form.amount(sheet, cell);
    }
    // a formula typed into the input (other than constant arithmetic) is cell.formula's and leaves it unknown
    if (ctx.form.isUnknown(sheet, cell)) return null;
    const value = ctx.form.value(sheet, cell);
    if (value === null) return spec?.kind === 'input' && spec.field.required === true ? null : ZERO;
    const n = toNumber(value);
    // an amount with cents (cell.not_integer), below 0 (cell.negative) or longer than its digits (cell.max_digits) is
    // reported at its cell already: do not let it spread into every total, ratio or comparison that uses it
    if (n !== null && spec?.kind === 'input' && (spec.field.type === 'amount' || spec.field.type === 'count')) {
      if (!n.isInteger() || n.isNegative() || n.abs().toFixed().length > (spec.field.maxDigits ?? 9)) return null;
    }
    return n;
  });

/** The sum of several cells' known amounts; null when any of them is unknown. */
export const knownSum = (ctx: CheckContext, sheet: string, cells: readonly string[]): Decimal | null => {
  let total = ZERO;
  for (const cell of cells) {
    const v = knownAmount(ctx, sheet, cell);
    if (v === null) return null;
    total = total.plus(v);
  }
  return total;
};

/** A finding comparing two amounts: the message shows them grouped (193,700), the finding's actual/expected plain digits. */
export const amountFinding = (
  code: FindingCode,
  location: Location,
  actual: Decimal,
  expected: Decimal,
  params: Params = {},
): Finding =>
  makeFinding(code, location, { ...params, actual: moneyText(actual), expected: moneyText(expected) }, {
    actual: actual.toFixed(),
    expected: expected.toFixed(),
  });
