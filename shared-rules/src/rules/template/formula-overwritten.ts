// template.formula_overwritten: a formula cell whose formula was replaced by a constant or cleared (SPEC §7).
import { BLANK } from '../../findings/display';
import { type CellSpec } from '../../definition/types';
import { makeFinding } from '../../findings/make';
import { type CheckContext, type Rule } from '../../check/context';
import { cellText } from '../../values/text';
import { checkStructure } from './structure';

export interface OverwrittenCell {
  readonly sheet: string;
  readonly cell: string;
  readonly spec: Extract<CellSpec, { kind: 'formula' }>;
  /** The constant typed over the formula (null when the cell was cleared). */
  readonly constant: string | null;
}

/** Every formula cell of the definition that holds no formula in the workbook. */
export const overwrittenFormulas = (ctx: CheckContext): readonly OverwrittenCell[] =>
  ctx.memo('overwritten', () => {
    const out: OverwrittenCell[] = [];
    for (const sheet of ctx.def.sheets) {
      if (!ctx.form.hasSheet(sheet.name)) continue;
      for (const [cell, spec] of sheet.cells) {
        if (spec.kind !== 'formula') continue;
        const stored = ctx.form.stored(sheet.name, cell);
        if (stored?.f !== undefined) continue;
        out.push({ sheet: sheet.name, cell, spec, constant: cellText(stored?.v ?? null) });
      }
    }
    return out;
  });

const MAX_PER_SHEET = 20;

export const formulaOverwritten: Rule = (ctx) => {
  // after a row insertion the template's formula addresses hold shifted cells: template.structure says so once
  if (!checkStructure(ctx).layoutIntact) return [];
  const bySheet = new Map<string, OverwrittenCell[]>();
  for (const o of overwrittenFormulas(ctx)) bySheet.set(o.sheet, [...(bySheet.get(o.sheet) ?? []), o]);
  const out = [];
  for (const [sheet, cells] of bySheet) {
    for (const o of cells.slice(0, MAX_PER_SHEET)) {
      out.push(makeFinding('template.formula_overwritten', { sheet, cell: o.cell }, { actual: o.constant ?? BLANK }));
    }
    // pasting values over a whole column is one mistake, not thousands: summarise the rest
    if (cells.length > MAX_PER_SHEET) {
      out.push(makeFinding('template.structure', { sheet }, { reason: 'structure.more_overwritten', count: cells.length - MAX_PER_SHEET }));
    }
  }
  return out;
};
