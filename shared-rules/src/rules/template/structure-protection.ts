// template.structure: the dropdowns and data validations, the locked labels and formulas and the sheet protection are
// still the template's (SPEC §3: the fingerprint covers them, so the stamp in _meta alone proves nothing; seed 004
// §1.2(二)2(6)). Says nothing about what the reader could not see (the Office.js adapter leaves this data out).
import { META_SHEET } from '../../definition/meta';
import { type SheetSpec, type Validation } from '../../definition/types';
import { makeFinding, type Reason } from '../../findings/make';
import { type ParamValue } from '../../findings/params';
import { type Finding } from '../../findings/types';
import { type CheckContext, type Rule } from '../../check/context';
import { address, formatRange, parseAddress, type Bounds } from '../../snapshot/a1';
import { type SnapshotSheet, type SnapshotValidation } from '../../snapshot/types';
import { areasOf, clipRows, overlaps, uncovered } from './areas';
import { normalizeFormula } from './formula-text';
import { checkStructure } from './structure';

const MAX_PER_SHEET = 20;
const structure = (reason: Reason, sheet: string, cell?: string): Finding =>
  makeFinding('template.structure', { sheet, ...(cell !== undefined ? { cell } : {}) }, reason);

/** What a validation allows, compared the way Excel applies it: unused bounds and operators do not count. */
interface Allowed {
  readonly type: string;
  readonly operator: string;
  /** The bounds Excel uses, as written (for messages). */
  readonly bounds: readonly string[];
  /** Type, operator and bounds in canonical form (case, $ and spaces as Excel or LibreOffice may rewrite them). */
  readonly key: string;
}

const TWO_BOUNDS = new Set(['between', 'notBetween']);
const NO_OPERATOR = new Set(['list', 'custom', 'any']);

const ruleOf = (type: string, operator: string | undefined, formulas: readonly string[]): Allowed => {
  const op = NO_OPERATOR.has(type) ? '' : (operator ?? 'between');
  // LibreOffice writes a formula2 of 0 for one-bound operators and for lists
  const used = op === '' ? (type === 'any' ? 0 : 1) : TWO_BOUNDS.has(op) ? 2 : 1;
  const bounds = formulas.slice(0, used);
  return { type, operator: op, bounds, key: `${type} ${op} ${bounds.map(normalizeFormula).join('|')}` };
};

const expectedRule = (v: Validation): Allowed => ruleOf(v.type, v.operator, v.formula);
const foundRule = (v: SnapshotValidation): Allowed => ruleOf(v.type, v.operator, v.formulas);
const sameRule = (a: Allowed, b: Allowed): boolean => a.key === b.key;

/** A validation rule as params wantType, wantOperator, wantBound1… (the text describes it: findings/texts/template-rules.ts). */
const describe = (r: Allowed, side: 'want' | 'found'): Record<string, ParamValue> => {
  const out: Record<string, ParamValue> = { [`${side}Type`]: r.type, [`${side}Operator`]: r.operator };
  r.bounds.slice(0, 2).forEach((b, i) => (out[`${side}Bound${i + 1}`] = b));
  return out;
};

/** The last row holding a value or formula: LibreOffice drops the validations of the empty rows it does not save. */
const lastUsedRow = (sheet: SnapshotSheet): number => {
  let last = 0;
  for (const at of sheet.cells.keys()) last = Math.max(last, parseAddress(at)?.row ?? 0);
  return last;
};

const checkValidations = (expected: readonly Validation[], sheet: SnapshotSheet, found: readonly SnapshotValidation[]): Finding[] => {
  const out: Finding[] = [];
  const lastRow = lastUsedRow(sheet);
  const present = found.map((v) => ({ rule: foundRule(v), areas: areasOf(v.sqref) }));
  for (const v of expected) {
    const want = expectedRule(v);
    const cover = present.filter((p) => sameRule(p.rule, want)).flatMap((p) => p.areas);
    for (const area of areasOf(v.sqref)) {
      const clipped = clipRows(area, lastRow);
      if (clipped === null) continue;
      for (const missing of uncovered(clipped, cover)) out.push(validationFinding(v, want, missing, sheet.name, present));
    }
  }
  return out;
};

const validationFinding = (
  v: Validation,
  want: Allowed,
  missing: Bounds,
  sheet: string,
  present: readonly { readonly rule: Allowed; readonly areas: readonly Bounds[] }[],
): Finding => {
  const list = want.type === 'list';
  const where = { title: v.errorTitle, range: formatRange(missing) };
  const other = present.find((p) => p.areas.some((a) => overlaps(a, missing)));
  const reason: Reason =
    other === undefined
      ? { reason: list ? 'structure.list_removed' : 'structure.validation_removed', ...where }
      : { reason: list ? 'structure.list_changed' : 'structure.validation_changed', ...where, ...describe(want, 'want'), ...describe(other.rule, 'found') };
  return structure(reason, sheet, address(missing.top, missing.left));
};

/** Labels and formulas the template locks, found unlocked. */
const checkLocks = (spec: SheetSpec, unlocked: ReadonlySet<string>): Finding[] => {
  const out: Finding[] = [];
  for (const at of unlocked) {
    const cell = spec.cells.get(at);
    if (cell?.kind === 'label') out.push(structure({ reason: 'structure.label_unlocked', text: cell.text }, spec.name, at));
    else if (cell?.kind === 'formula') out.push(structure({ reason: 'structure.formula_unlocked' }, spec.name, at));
  }
  return out;
};

const unprotected = (sheet: SnapshotSheet): Finding[] =>
  sheet.protected === false ? [structure({ reason: 'structure.unprotected', sheetName: sheet.name }, sheet.name)] : [];

/** At most MAX_PER_SHEET findings of a sheet, then one that counts the rest. */
const capped = (sheet: string, found: readonly Finding[]): Finding[] =>
  found.length <= MAX_PER_SHEET
    ? [...found]
    : [...found.slice(0, MAX_PER_SHEET), structure({ reason: 'structure.more_protection', count: found.length - MAX_PER_SHEET }, sheet)];

export const templateProtection: Rule = (ctx: CheckContext) => {
  const sheets = new Map(ctx.form.snapshot.sheets.map((s) => [s.name, s]));
  // once rows or sheets moved, every validation would be reported out of place: structure.ts has said what moved
  const layoutIntact = checkStructure(ctx).layoutIntact;
  const out: Finding[] = [];
  for (const spec of ctx.def.sheets) {
    const sheet = sheets.get(spec.name);
    if (sheet === undefined) continue;
    const found = [...unprotected(sheet)];
    if (layoutIntact && sheet.validations !== undefined) {
      found.push(...checkValidations(ctx.def.validations.filter((v) => v.sheet === spec.name), sheet, sheet.validations));
    }
    if (layoutIntact && sheet.unlocked !== undefined) found.push(...checkLocks(spec, sheet.unlocked));
    out.push(...capped(spec.name, found));
  }
  const meta = sheets.get(META_SHEET);
  if (meta !== undefined) out.push(...unprotected(meta));
  return out;
};
