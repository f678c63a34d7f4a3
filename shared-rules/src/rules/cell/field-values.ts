// cell.required, cell.type, cell.fullwidth, cell.max_digits, cell.max_length, cell.negative, cell.not_integer, cell.enum,
// date.roc_invalid, id.ubn_checksum, id.national_id, contact.phone_format, contact.email_format:
// every input cell of the definition checked by its field type (SPEC §2; seed 004 §2.1–§2.8 field rules).
import { type CheckContext, type Rule } from '../../check/context';
import { type FieldSpec, type RangeField } from '../../definition/types';
import { makeFinding } from '../../findings/make';
import { type Finding } from '../../findings/types';
import { parseRange, address } from '../../snapshot/a1';
import { type CellValue, isBlank } from '../../snapshot/types';
import { cellText } from '../../values/text';
import { readField } from './read-field';

const GROUPED_IN_MESSAGE: ReadonlySet<string> = new Set(['cell.max_digits', 'cell.negative', 'cell.not_integer']);

const checkCell = (
  ctx: CheckContext,
  out: Finding[],
  { sheet, cell, field, label }: { sheet: string; cell: string; field: string; label: string },
  spec: FieldSpec,
  required: boolean,
): void => {
  // a formula whose value cannot be known is cell.formula's, not also cell.required
  if (ctx.form.isUnknown(sheet, cell)) return;
  const v: CellValue = ctx.form.raw(sheet, cell);
  if (isBlank(v)) {
    if (required) out.push(makeFinding('cell.required', { sheet, cell, field }, { label }));
    return;
  }
  const r = readField(v, spec, ctx.def.version);
  if (r.ok) return;
  // the message groups an amount's digits (1,234,567,890); the finding's actual keeps them as typed
  const actual = GROUPED_IN_MESSAGE.has(r.code) ? (cellText(v) ?? undefined) : undefined;
  out.push(
    makeFinding(r.code, { sheet, cell, field }, { label, ...r.params }, { ...(r.severity === undefined ? {} : { severity: r.severity }), ...(actual === undefined ? {} : { actual }) }),
  );
};

const checkFixedTable = (ctx: CheckContext, out: Finding[], f: RangeField): void => {
  const b = parseRange(f.ref);
  if (b === null) return;
  (f.rows ?? []).forEach((row, r) => {
    f.columns.forEach((column, c) => {
      const cell = address(b.top + r, b.left + c);
      const spec = ctx.form.spec(f.sheet, cell);
      if (spec?.kind !== 'input' || column.spec === undefined) return;
      const label = f.columns.length > 1 ? `${row.label} ${column.header}` : row.label;
      checkCell(ctx, out, { sheet: f.sheet, cell, field: f.name, label }, column.spec, column.spec.required === true);
    });
  });
};

const checkRepeatingRows = (ctx: CheckContext, out: Finding[], f: RangeField): void => {
  for (const row of ctx.form.usedRows(f.name)) {
    for (const column of f.columns) {
      if (column.spec === undefined) continue;
      checkCell(ctx, out, { sheet: f.sheet, cell: row.at(column.key), field: f.name, label: column.spec.label }, column.spec, column.spec.required === true);
    }
  }
};

export const fieldValues: Rule = (ctx) => {
  const out: Finding[] = [];
  for (const f of ctx.def.fields) {
    if (f.kind === 'single') {
      checkCell(ctx, out, { sheet: f.sheet, cell: f.cell, field: f.name, label: f.spec.label }, f.spec, f.spec.required === true);
    } else if (f.kind === 'range') {
      if (f.rows !== undefined) checkFixedTable(ctx, out, f);
      else checkRepeatingRows(ctx, out, f);
    }
  }
  return out;
};
