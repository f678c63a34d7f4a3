// A tiny formula language: each template formula is written once as an expression, rendered to Excel text
// for the template and evaluated from the inputs by the checker (SPEC §7: formulas are recomputed, never trusted).
import Decimal from 'decimal.js';
import { ledgerDelta, type Account } from '../ledger/delta';

export interface CellRef {
  readonly sheet: string;
  readonly cell: string;
  /** Render as this defined name instead of an address (cross-sheet references stay readable). */
  readonly via?: string;
  /** Render the row absolute (e.g. a header row referenced from every entry row). */
  readonly absRow?: boolean;
}

export type Expr =
  | { readonly t: 'num'; readonly v: number }
  | { readonly t: 'str'; readonly v: string }
  | { readonly t: 'cell'; readonly ref: CellRef }
  | { readonly t: 'range'; readonly sheet: string; readonly ref: string }
  | { readonly t: 'sum'; readonly items: readonly Expr[] }
  | { readonly t: 'add'; readonly items: readonly Expr[] }
  | { readonly t: 'sub'; readonly a: Expr; readonly b: Expr }
  | { readonly t: 'concat'; readonly items: readonly Expr[] }
  | { readonly t: 'if_blank'; readonly test: Expr; readonly then: Expr; readonly else: Expr }
  | { readonly t: 'if_eq'; readonly a: Expr; readonly b: Expr; readonly then: Expr; readonly else: Expr }
  /** 摘要(一): the text for 字|號 in a two-column table of _meta. */
  | {
      readonly t: 'lookup';
      readonly zi: CellRef;
      readonly no: CellRef;
      readonly table: string;
      readonly entries: ReadonlyMap<string, string>;
      readonly missing: string;
    }
  /** A running balance of one account (cash book): the row above plus this row's effect. */
  | {
      readonly t: 'balance';
      readonly account: Account;
      readonly prev: CellRef;
      readonly header: CellRef;
      readonly zi: CellRef;
      readonly no: CellRef;
      readonly amount: CellRef;
      readonly acct: CellRef;
      /**
       * From 1.3: blank while every one of these cells is blank (an empty row prints nothing), and the balance carried is
       * the last one above, down from first (the opening row), so a row left empty never breaks the chain.
       */
      readonly blankWhen?: readonly CellRef[];
      readonly first?: CellRef;
    };

/** An evaluated value: a number, a text, or blank. */
export type Value = Decimal | string | null;

export interface EvalEnv {
  /** The evaluated value of a cell: inputs as read, formula cells recomputed. */
  value(sheet: string, cell: string): Value;
  /** Every address of a range (row-major). */
  cellsOf(ref: string): readonly string[];
}

// ── construction helpers ──────────────────────────────────────────────────
export const num = (v: number): Expr => ({ t: 'num', v });
export const str = (v: string): Expr => ({ t: 'str', v });
export const cell = (sheet: string, address: string, via?: string): Expr => ({
  t: 'cell',
  ref: via === undefined ? { sheet, cell: address } : { sheet, cell: address, via },
});
export const range = (sheet: string, ref: string): Expr => ({ t: 'range', sheet, ref });
export const sum = (...items: Expr[]): Expr => ({ t: 'sum', items });
export const add = (...items: Expr[]): Expr => ({ t: 'add', items });
export const sub = (a: Expr, b: Expr): Expr => ({ t: 'sub', a, b });
export const concat = (...items: Expr[]): Expr => ({ t: 'concat', items });
export const ifBlank = (test: Expr, then: Expr, otherwise: Expr): Expr => ({ t: 'if_blank', test, then, else: otherwise });
export const ifEq = (a: Expr, b: Expr, then: Expr, otherwise: Expr): Expr => ({ t: 'if_eq', a, b, then, else: otherwise });

// ── rendering to Excel formula text (without the leading "=") ─────────────
const quoteSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;
const quoteText = (text: string): string => `"${text.replace(/"/g, '""')}"`;

const renderRef = (ref: CellRef, home: string): string => {
  if (ref.via !== undefined) return ref.via;
  const address = ref.absRow === true ? ref.cell.replace(/(\d+)$/, '$$$1') : ref.cell;
  return ref.sheet === home ? address : `${quoteSheet(ref.sheet)}!${address}`;
};

export const render = (expr: Expr, home: string): string => {
  const r = (e: Expr): string => render(e, home);
  switch (expr.t) {
    case 'num':
      return String(expr.v);
    case 'str':
      return quoteText(expr.v);
    case 'cell':
      return renderRef(expr.ref, home);
    case 'range':
      return expr.sheet === home ? expr.ref : `${quoteSheet(expr.sheet)}!${expr.ref}`;
    case 'sum':
      return `SUM(${expr.items.map(r).join(',')})`;
    case 'add':
      return expr.items.map(r).join('+');
    case 'sub':
      return `${r(expr.a)}-${wrapIfCompound(expr.b, home)}`;
    case 'concat':
      return expr.items.map(r).join('&');
    case 'if_blank':
      return `IF(${r(expr.test)}="",${r(expr.then)},${r(expr.else)})`;
    case 'if_eq':
      return `IF(${r(expr.a)}=${r(expr.b)},${r(expr.then)},${r(expr.else)})`;
    case 'lookup': {
      const zi = renderRef(expr.zi, home);
      const no = renderRef(expr.no, home);
      return `IF(OR(${zi}="",${no}=""),"",IFERROR(VLOOKUP(${zi}&"|"&${no},${expr.table},2,FALSE),${quoteText(expr.missing)}))`;
    }
    case 'balance': {
      const [prev, hdr, zi, no, amt, acct] = [expr.prev, expr.header, expr.zi, expr.no, expr.amount, expr.acct].map((x) =>
        renderRef(x, home),
      ) as [string, string, string, string, string, string];
      const to = `IFERROR(CHOOSE(${no}*1,"定期存款","零用金",${acct},"零用金","專戶存款2","專戶存款1"),"")`;
      const from = `IF(${no}&""="3","定期存款",${acct})`;
      // LOOKUP(9.99E+307, …) is the last number of the column above: the balance of the last row that has one
      const carried = expr.first === undefined ? prev : `LOOKUP(9.99E+307,${renderRef(expr.first, home)}:${prev})`;
      const balance = `${carried}+IFERROR(${amt}*1,0)*(((${zi}="收")-(${zi}="支"))*(${acct}=${hdr})+(${zi}="轉")*((${to}=${hdr})-(${from}=${hdr})))`;
      if (expr.blankWhen === undefined) return balance;
      return `IF(AND(${expr.blankWhen.map((c) => `${renderRef(c, home)}=""`).join(',')}),"",${balance})`;
    }
  }
};

const wrapIfCompound = (e: Expr, home: string): string => {
  const text = render(e, home);
  return e.t === 'add' || e.t === 'sub' ? `(${text})` : text;
};

// ── evaluation with decimal.js ────────────────────────────────────────────

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** Numeric reading of a value, as Excel's arithmetic would see it; null when it is not a number. */
export const toNumber = (v: Value): Decimal | null => {
  if (v === null) return null;
  if (v instanceof Decimal) return v;
  const t = v.trim();
  return PLAIN_NUMBER.test(t) ? new Decimal(t) : null;
};

export const toText = (v: Value): string => (v === null ? '' : v instanceof Decimal ? v.toString() : v);

const ZERO = new Decimal(0);

/** The number in prev, or (with first) in the nearest cell above it down to first that holds one, as LOOKUP(9.99E+307, first:prev). */
const carriedBalance = (prev: CellRef, first: CellRef | undefined, env: EvalEnv): Decimal => {
  const at = /^([A-Z]+)(\d+)$/.exec(prev.cell);
  const top = first === undefined ? null : /(\d+)$/.exec(first.cell);
  if (at === null || top === null) return toNumber(env.value(prev.sheet, prev.cell)) ?? ZERO;
  for (let row = Number(at[2]); row >= Number(top[1]); row -= 1) {
    const v = env.value(prev.sheet, `${at[1]}${row}`);
    // LOOKUP skips text and blanks: only a number (not a digit text) is a balance
    if (v instanceof Decimal) return v;
  }
  return ZERO;
};

export const evaluate = (expr: Expr, env: EvalEnv): Value => {
  const ev = (e: Expr): Value => evaluate(e, env);
  const asNum = (e: Expr): Decimal => toNumber(ev(e)) ?? ZERO;
  switch (expr.t) {
    case 'num':
      return new Decimal(expr.v);
    case 'str':
      return expr.v;
    case 'cell':
      return env.value(expr.ref.sheet, expr.ref.cell);
    case 'range':
      return null; // a bare range has no single value; only SUM consumes ranges
    case 'sum': {
      let total = ZERO;
      for (const item of expr.items) {
        const values =
          item.t === 'range' ? env.cellsOf(item.ref).map((c) => env.value(item.sheet, c)) : [ev(item)];
        for (const v of values) {
          // SUM ignores text, as Excel does; plain digit text counts, as the checker accepts it (SPEC §7)
          const n = toNumber(v);
          if (n !== null) total = total.plus(n);
        }
      }
      return total;
    }
    case 'add':
      return expr.items.reduce((acc, e) => acc.plus(asNum(e)), ZERO);
    case 'sub':
      return asNum(expr.a).minus(asNum(expr.b));
    case 'concat':
      return expr.items.map((e) => toText(ev(e))).join('');
    case 'if_blank':
      return toText(ev(expr.test)).trim() === '' ? ev(expr.then) : ev(expr.else);
    case 'if_eq':
      return toText(ev(expr.a)) === toText(ev(expr.b)) ? ev(expr.then) : ev(expr.else);
    case 'lookup': {
      const zi = toText(env.value(expr.zi.sheet, expr.zi.cell)).trim();
      const no = toText(env.value(expr.no.sheet, expr.no.cell)).trim();
      if (zi === '' || no === '') return '';
      return expr.entries.get(`${zi}|${no}`) ?? expr.missing;
    }
    case 'balance': {
      const read = (ref: CellRef): string => toText(env.value(ref.sheet, ref.cell)).trim();
      if (expr.blankWhen !== undefined && expr.blankWhen.every((c) => toText(env.value(c.sheet, c.cell)) === '')) return '';
      const prev = carriedBalance(expr.prev, expr.first, env);
      const amount = toNumber(env.value(expr.amount.sheet, expr.amount.cell));
      if (amount === null) return prev;
      const delta = ledgerDelta(read(expr.zi), read(expr.no), amount, read(expr.acct));
      return prev.plus(delta.get(expr.account) ?? ZERO);
    }
  }
};
