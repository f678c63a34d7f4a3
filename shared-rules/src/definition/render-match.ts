// Whether a formula text is exactly what render() writes for an expression, compared piece by piece as render would
// write it, without building the rendered text: checking a cash book's 18,000+ formula cells then allocates nothing.
// It must mirror render() in expr.ts case by case (render-match.test.ts compares the two on every template formula).
import { type CellRef, type Expr } from './expr';
import { type SheetSpec } from './types';

/** The end of `piece` when text holds it at pos, else -1. */
const lit = (text: string, pos: number, piece: string): number => (pos >= 0 && text.startsWith(piece, pos) ? pos + piece.length : -1);

const quoteSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;
const quoteText = (value: string): string => `"${value.replace(/"/g, '""')}"`;

/** An address with "$" before its trailing row digits (render's absRow). */
const absoluteRow = (text: string, pos: number, cell: string): number => {
  let digits = cell.length;
  while (digits > 0 && cell.charCodeAt(digits - 1) >= 48 && cell.charCodeAt(digits - 1) <= 57) digits -= 1;
  if (digits === cell.length) return lit(text, pos, cell);
  const letters = cell.slice(0, digits);
  return lit(text, lit(text, lit(text, pos, letters), '$'), cell.slice(digits));
};

const ref = (r: CellRef, home: string, text: string, pos: number): number => {
  if (r.via !== undefined) return lit(text, pos, r.via);
  const at = r.sheet === home ? pos : lit(text, lit(text, pos, quoteSheet(r.sheet)), '!');
  return r.absRow === true ? absoluteRow(text, at, r.cell) : lit(text, at, r.cell);
};

/** Items with a separator between them (render's join). */
const joined = (items: readonly Expr[], separator: string, home: string, text: string, pos: number): number => {
  let at = pos;
  items.forEach((item, i) => {
    if (i > 0) at = lit(text, at, separator);
    at = match(item, home, text, at);
  });
  return at;
};

/** IF(test,then,else) shapes: the pieces between sub-expressions. */
const sequence = (parts: readonly (string | Expr)[], home: string, text: string, pos: number): number => {
  let at = pos;
  for (const part of parts) at = typeof part === 'string' ? lit(text, at, part) : match(part, home, text, at);
  return at;
};

const refs = (parts: readonly (string | CellRef)[], home: string, text: string, pos: number): number => {
  let at = pos;
  for (const part of parts) at = typeof part === 'string' ? lit(text, at, part) : ref(part, home, text, at);
  return at;
};

const match = (expr: Expr, home: string, text: string, pos: number): number => {
  if (pos < 0) return -1;
  switch (expr.t) {
    case 'num':
      return lit(text, pos, String(expr.v));
    case 'str':
      return lit(text, pos, quoteText(expr.v));
    case 'cell':
      return ref(expr.ref, home, text, pos);
    case 'range':
      return lit(text, expr.sheet === home ? pos : lit(text, lit(text, pos, quoteSheet(expr.sheet)), '!'), expr.ref);
    case 'sum':
      return lit(text, joined(expr.items, ',', home, text, lit(text, pos, 'SUM(')), ')');
    case 'add':
      return joined(expr.items, '+', home, text, pos);
    case 'sub': {
      const compound = expr.b.t === 'add' || expr.b.t === 'sub';
      const at = lit(text, match(expr.a, home, text, pos), compound ? '-(' : '-');
      return compound ? lit(text, match(expr.b, home, text, at), ')') : match(expr.b, home, text, at);
    }
    case 'concat':
      return joined(expr.items, '&', home, text, pos);
    case 'if_blank':
      return sequence(['IF(', expr.test, '="",', expr.then, ',', expr.else, ')'], home, text, pos);
    case 'if_eq':
      return sequence(['IF(', expr.a, '=', expr.b, ',', expr.then, ',', expr.else, ')'], home, text, pos);
    case 'lookup': {
      const { zi, no } = expr;
      return refs(['IF(OR(', zi, '="",', no, '=""),"",IFERROR(VLOOKUP(', zi, '&"|"&', no, `,${expr.table},2,FALSE),${quoteText(expr.missing)}))`], home, text, pos);
    }
    case 'balance': {
      const { prev, header: hdr, zi, no, amount: amt, acct } = expr;
      let at = pos;
      if (expr.blankWhen !== undefined) {
        at = lit(text, at, 'IF(AND(');
        expr.blankWhen.forEach((c, i) => {
          at = lit(text, ref(c, home, text, i === 0 ? at : lit(text, at, ',')), '=""');
        });
        at = lit(text, at, '),"",');
      }
      at = expr.first === undefined ? ref(prev, home, text, at) : refs(['LOOKUP(9.99E+307,', expr.first, ':', prev, ')'], home, text, at);
      const to = ['IFERROR(CHOOSE(', no, '*1,"定期存款","零用金",', acct, ',"零用金","專戶存款2","專戶存款1"),"")'];
      const from = ['IF(', no, '&""="3","定期存款",', acct, ')'];
      at = refs(
        ['+IFERROR(', amt, '*1,0)*(((', zi, '="收")-(', zi, '="支"))*(', acct, '=', hdr, ')+(', zi, '="轉")*((', ...to, '=', hdr, ')-(', ...from, '=', hdr, ')))'],
        home,
        text,
        at,
      );
      return expr.blankWhen === undefined ? at : lit(text, at, ')');
    }
  }
};

/** True exactly when text === render(expr, home). */
export const isRendered = (expr: Expr, home: string, text: string): boolean => match(expr, home, text, 0) === text.length;

/** Per definition sheet, the texts already proven to be each formula cell's rendering. */
const provenTexts = new WeakMap<SheetSpec, Map<string, string>>();

/**
 * isRendered for a cell of a definition sheet, with a memory: a text already proven to be that cell's rendering is
 * recognised by one string comparison. The server and the CLI check workbook after workbook of one template (a cash
 * book has 18,000 formulas): from the second on, only texts not seen before are matched piece by piece. A cell's
 * rendering is one text, so the memory holds at most one text per formula cell of the definitions built.
 */
export const isRenderedCell = (sheet: SheetSpec, cell: string, expr: Expr, text: string): boolean => {
  let known = provenTexts.get(sheet);
  if (known === undefined) provenTexts.set(sheet, (known = new Map()));
  if (known.get(cell) === text) return true;
  if (!isRendered(expr, sheet.name, text)) return false;
  known.set(cell, text);
  return true;
};
