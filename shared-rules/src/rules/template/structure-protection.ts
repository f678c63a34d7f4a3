// template.structure: the dropdowns and data validations, the locked labels and formulas and the sheet protection are
// still the template's (SPEC §3: the fingerprint covers them, so the stamp in _meta alone proves nothing; seed 004
// §1.2(二)2(6)). Says nothing about what the reader could not see (the Office.js adapter leaves this data out).
import { META_SHEET } from '../../definition/meta';
import { type SheetSpec, type Validation } from '../../definition/types';
import { makeFinding } from '../../findings/make';
import { type Finding } from '../../findings/types';
import { type CheckContext, type Rule } from '../../check/context';
import { address, formatRange, type Bounds } from '../../snapshot/a1';
import { type SnapshotSheet, type SnapshotValidation } from '../../snapshot/types';
import { areasOf, clipRows, overlaps, uncovered } from './areas';
import { normalizeFormula } from './formula-text';
import { checkStructure } from './structure';

const MAX_PER_SHEET = 20;
const OFFICIAL = '請改用官方範本填寫';

const structure = (reason: string, sheet: string, cell?: string): Finding =>
  makeFinding('template.structure', { sheet, ...(cell !== undefined ? { cell } : {}) }, { reason });

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

const OPERATOR_TEXT: Readonly<Record<string, (b: readonly string[]) => string>> = {
  between: (b) => `介於 ${b[0] ?? ''} 與 ${b[1] ?? ''}`,
  notBetween: (b) => `不介於 ${b[0] ?? ''} 與 ${b[1] ?? ''}`,
  equal: (b) => `等於 ${b[0] ?? ''}`,
  notEqual: (b) => `不等於 ${b[0] ?? ''}`,
  lessThan: (b) => `小於 ${b[0] ?? ''}`,
  lessThanOrEqual: (b) => `不超過 ${b[0] ?? ''}`,
  greaterThan: (b) => `大於 ${b[0] ?? ''}`,
  greaterThanOrEqual: (b) => `至少 ${b[0] ?? ''}`,
};

const TYPE_TEXT: Readonly<Record<string, string>> = { whole: '整數', decimal: '數值', textLength: '文字長度', date: '日期', time: '時間' };

/** "下拉選單 lst_gender", "文字長度不超過 50", "整數介於 0 與 999999999". */
const describe = (r: Allowed): string => {
  if (r.type === 'list') return `下拉選單 ${r.bounds[0] ?? ''}`;
  if (r.type === 'custom') return `自訂公式 ${r.bounds[0] ?? ''}`;
  if (r.type === 'any') return '不限制';
  return `${TYPE_TEXT[r.type] ?? r.type}${(OPERATOR_TEXT[r.operator] ?? ((b: readonly string[]) => `${r.operator} ${b.join('、')}`))(r.bounds)}`;
};

/** The last row holding a value or formula: LibreOffice drops the validations of the empty rows it does not save. */
const lastUsedRow = (sheet: SnapshotSheet): number => {
  let last = 0;
  // addresses are upper-case A1 ("K3013"): the row is the digits after the letters
  for (const at of sheet.cells.keys()) last = Math.max(last, Number(at.slice(at.search(/\d/))) || 0);
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
  const what = want.type === 'list' ? '下拉選單' : '資料驗證';
  const where = formatRange(missing);
  const other = present.find((p) => p.areas.some((a) => overlaps(a, missing)));
  const reason =
    other === undefined
      ? `「${v.errorTitle}」的${what}已被移除（${where}），${OFFICIAL}`
      : `「${v.errorTitle}」的${what}已被變更（${where}：應為${describe(want)}，目前為${describe(other.rule)}），${OFFICIAL}`;
  return structure(reason, sheet, address(missing.top, missing.left));
};

/** Labels and formulas the template locks, found unlocked. */
const checkLocks = (spec: SheetSpec, unlocked: ReadonlySet<string>): Finding[] => {
  const out: Finding[] = [];
  for (const at of unlocked) {
    const cell = spec.cells.get(at);
    if (cell?.kind === 'label') out.push(structure(`標題「${cell.text}」的儲存格已被取消鎖定（保護），${OFFICIAL}`, spec.name, at));
    else if (cell?.kind === 'formula') out.push(structure(`公式儲存格已被取消鎖定（保護），公式可被改寫，${OFFICIAL}`, spec.name, at));
  }
  return out;
};

const unprotected = (sheet: SnapshotSheet): Finding[] =>
  sheet.protected === false ? [structure(`工作表「${sheet.name}」的保護已被取消，標題、公式與下拉選單都可被修改，${OFFICIAL}`, sheet.name)] : [];

/** At most MAX_PER_SHEET findings of a sheet, then one that counts the rest. */
const capped = (sheet: string, found: readonly Finding[]): Finding[] =>
  found.length <= MAX_PER_SHEET
    ? [...found]
    : [...found.slice(0, MAX_PER_SHEET), structure(`另有 ${found.length - MAX_PER_SHEET} 處下拉選單、資料驗證或儲存格鎖定被變更，${OFFICIAL}`, sheet)];

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
