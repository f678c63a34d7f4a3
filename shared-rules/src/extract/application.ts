// The application as data: every field and fixed-table cell (totals recomputed), the training sessions and the roster names;
// amounts as decimal strings.
import Decimal from 'decimal.js';
import { type CheckContext } from '../check/context';
import { type FieldSpec } from '../definition/types';
import { parseRange, address } from '../snapshot/a1';
import { cellText } from '../values/text';
import { decimalString, decimalStringOrNull } from './decimal-string';
import { type ApplicationData, type Figure, type TrainingSessionData } from './types';

const NUMERIC: ReadonlySet<FieldSpec['type']> = new Set(['amount', 'count', 'hours']);

const figure = (ctx: CheckContext, section: string, item: string, col: string, sheet: string, cell: string, numeric: boolean): Figure => ({
  section,
  item,
  col,
  amount: numeric ? decimalStringOrNull(ctx.form.number(sheet, cell)) : null,
  text: numeric ? null : cellText(ctx.form.raw(sheet, cell)),
});

const figures = (ctx: CheckContext): Figure[] => {
  const out: Figure[] = [];
  for (const f of ctx.def.fields) {
    if (f.kind === 'single') {
      out.push(figure(ctx, f.name, '', '', f.sheet, f.cell, NUMERIC.has(f.spec.type)));
    } else if (f.kind === 'formula') {
      const b = parseRange(f.ref);
      if (b !== null && b.top === b.bottom && b.left === b.right) out.push(figure(ctx, f.name, '', '', f.sheet, f.ref, true));
    } else if (f.rows !== undefined) {
      const b = parseRange(f.ref);
      if (b === null) continue;
      f.rows.forEach((row, r) =>
        f.columns.forEach((column, c) => {
          const cell = address(b.top + r, b.left + c);
          if (ctx.form.spec(f.sheet, cell)?.kind === 'forbidden') return;
          out.push(figure(ctx, f.name, row.key, column.key, f.sheet, cell, column.spec === undefined || NUMERIC.has(column.spec.type)));
        }),
      );
    }
  }
  return out;
};

const int = (d: Decimal | null): number | null => (d === null ? null : d.toNumber());

const sessions = (ctx: CheckContext): TrainingSessionData[] => {
  const f = ctx.form.range('tr_sessions');
  return ctx.form.usedRows('tr_sessions').map((row, i) => {
    const num = (key: string): Decimal | null => ctx.form.number(f.sheet, row.at(key));
    const hours = [1, 2, 3, 4, 5, 6].reduce((sum, n) => sum.plus(num(`hours${n}`) ?? 0), new Decimal(0));
    const txt = (key: string): string | null => cellText(row.raw(key));
    return {
      seq: i + 1,
      sessionNo: txt('session'),
      day1: txt('day1'),
      day2: txt('day2'),
      days: decimalStringOrNull(num('days')),
      title: txt('title'),
      place: txt('place'),
      hours: decimalString(hours),
      cost: decimalStringOrNull(num('cost')),
      male: int(num('male')),
      female: int(num('female')),
    };
  });
};

/** 年度 of the application: a positive whole number, or null. */
export const applicationYear = (ctx: CheckContext): number | null => {
  const year = Number(cellText(ctx.form.single('app_year').raw));
  return Number.isInteger(year) && year > 0 ? year : null;
};

export const extractApplication = (ctx: CheckContext): ApplicationData => {
  const text = (name: string): string | null => cellText(ctx.form.single(name).raw);
  const members = ctx.form.number(ctx.form.single('app_members').sheet, ctx.form.single('app_members').cell);
  return {
    kind: 'application',
    unionName: text('app_union_name'),
    ubn: text('app_ubn'),
    year: applicationYear(ctx),
    unionType: text('app_union_type'),
    members: members === null || !members.isInteger() ? null : members.toNumber(),
    figures: figures(ctx),
    sessions: sessions(ctx),
    roster: ctx.form.usedRows('roster_rows').map((row, i) => ({ seq: i + 1, name: cellText(row.raw('name')), gender: cellText(row.raw('gender')) })),
  };
};
