// template.structure: sheets, defined names, locked labels and formulas must be those of the template version (seed 004 §1.2(二)2(6));
// its messages name sheets, cells and labels (the defined name stays in the params for tools).
import { fingerprint, hasFingerprint } from '../../definition/fingerprint';
import { META_CELLS, META_NAMES, META_SHEET } from '../../definition/meta';
import { canonicalRef, definedNames } from '../../definition/names';
import { render } from '../../definition/expr';
import { isRenderedCell } from '../../definition/render-match';
import { makeFinding, type Reason } from '../../findings/make';
import { type Finding } from '../../findings/types';
import { type CheckContext, type Rule } from '../../check/context';
import { cellText } from '../../values/text';
import { sameFormula } from './formula-text';

const MAX_PER_SHEET = 20;

export interface StructureResult {
  readonly findings: readonly Finding[];
  /** False when sheets or defined names moved: data cannot be read where the template puts it. */
  readonly layoutIntact: boolean;
}

const structure = (reason: Reason, sheet?: string, cell?: string): Finding =>
  makeFinding('template.structure', { ...(sheet !== undefined ? { sheet } : {}), ...(cell !== undefined ? { cell } : {}) }, reason);

/** What a defined name stands for, as the sheet labels it (a message speaks of sheets, rows and labels, never of names). */
const titleOf = (ctx: CheckContext, name: string): string => {
  const field = ctx.def.fields.find((f) => f.name === name);
  if (field === undefined) return name.startsWith('tpl_') ? '範本識別資料' : '下拉選單或標示資料';
  if (field.kind === 'single') return field.spec.label;
  if (field.kind === 'formula') return field.label;
  return field.columns.map((c) => c.header).join('、');
};

const checkNames = (ctx: CheckContext): Finding[] => {
  const out: Finding[] = [];
  for (const [name, expected] of definedNames(ctx.def)) {
    const actual = ctx.form.snapshot.names.get(name);
    const title = titleOf(ctx, name);
    if (actual === undefined) {
      out.push(structure({ reason: 'structure.name_missing', name, title, wantSheet: expected.sheet, wantRef: expected.ref }, expected.sheet));
    } else if (actual.sheet !== expected.sheet || canonicalRef(actual.ref) !== expected.ref) {
      out.push(
        structure(
          { reason: 'structure.name_moved', name, title, wantSheet: expected.sheet, wantRef: expected.ref, foundSheet: actual.sheet, foundRef: actual.ref },
          expected.sheet,
        ),
      );
    }
  }
  return out;
};

/** Per sheet, the stored formulas proven to be exactly their template's rendering, by cell. */
type ProvenFormulas = Map<string, Map<string, string>>;

/** Labels and formulas against the template; `proven` (when given) collects the formulas stored exactly as rendered. */
const checkCells = (ctx: CheckContext, proven: ProvenFormulas | null): Finding[] => {
  const out: Finding[] = [];
  for (const sheet of ctx.def.sheets) {
    const found: Finding[] = [];
    const exact = proven === null ? null : new Map<string, string>();
    if (exact !== null) proven?.set(sheet.name, exact);
    for (const [cell, spec] of sheet.cells) {
      if (spec.kind === 'label') {
        const actual = cellText(ctx.form.raw(sheet.name, cell)) ?? '';
        if (actual !== spec.text.trim()) found.push(structure({ reason: 'structure.label_changed', text: spec.text, found: actual }, sheet.name, cell));
      } else if (spec.kind === 'formula') {
        const stored = ctx.form.stored(sheet.name, cell);
        if (stored?.f === undefined) continue;
        // the exact text is the usual case (our own template), compared without rendering it; render and normalise only
        // when Excel or LibreOffice re-wrote it
        if (isRenderedCell(sheet, cell, spec.expr, stored.f)) exact?.set(cell, stored.f);
        else if (!sameFormula(stored.f, render(spec.expr, sheet.name))) found.push(structure({ reason: 'structure.formula_changed' }, sheet.name, cell));
      }
    }
    out.push(...found.slice(0, MAX_PER_SHEET));
    if (found.length > MAX_PER_SHEET) out.push(structure({ reason: 'structure.more_changes', count: found.length - MAX_PER_SHEET }, sheet.name));
  }
  return out;
};

export const checkStructure = (ctx: CheckContext): StructureResult =>
  ctx.memo('template.structure', () => {
    const missingSheets = ctx.def.sheets.filter((s) => !ctx.form.hasSheet(s.name));
    const sheetFindings = missingSheets.map((s) => structure({ reason: 'structure.sheet_missing', sheetName: s.name }, s.name));
    const nameFindings = checkNames(ctx);
    const layoutIntact = sheetFindings.length === 0 && nameFindings.length === 0;
    // once rows or sheets moved, every cell compared at its template address is a shifted one: say so once instead
    const proven: ProvenFormulas | null = hasFingerprint(ctx.def) ? null : new Map();
    const cellFindings = layoutIntact ? checkCells(ctx, proven) : [structure({ reason: 'structure.layout_moved' })];
    // the fingerprint of a template size not worked out in advance hashes the stored formulas proven equal to their
    // rendering instead of rendering them again
    const stamp = cellText(ctx.form.raw(META_SHEET, META_CELLS.fingerprint));
    const expected = fingerprint(ctx.def, (sheet, cell) => proven?.get(sheet)?.get(cell));
    const stampFindings =
      stamp === expected ? [] : [structure({ reason: 'structure.fingerprint', version: ctx.def.version, name: META_NAMES.fingerprint })];
    return { findings: [...sheetFindings, ...nameFindings, ...stampFindings, ...cellFindings], layoutIntact };
  });

export const templateStructure: Rule = (ctx) => checkStructure(ctx).findings;
