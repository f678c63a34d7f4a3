// Checks a workbook snapshot: identify the template, verify its structure, then run every rule of its kind.
import { type WorkbookKind } from '../definition/types';
import { type Finding, type FindingSummary, summarize } from '../findings/types';
import { Form } from '../form/form';
import { DATA_RULES, TEMPLATE_RULES } from '../rules';
import { identifyTemplate } from '../rules/template/identify';
import { checkStructure } from '../rules/template/structure';
import { parseAddress } from '../snapshot/a1';
import { type WorkbookSnapshot } from '../snapshot/types';
import { type CheckOptions, createContext } from './context';

export interface CheckResult {
  readonly kind: WorkbookKind | null;
  readonly templateVersion: string | null;
  readonly findings: readonly Finding[];
  readonly summary: FindingSummary;
}

/** Findings in reading order: by sheet (workbook order), row, column, then code. */
export const sortFindings = (findings: readonly Finding[], sheetOrder: readonly string[]): Finding[] => {
  const position = (f: Finding): [number, number, number] => {
    const sheet = f.sheet === undefined ? -1 : sheetOrder.indexOf(f.sheet);
    const at = f.cell === undefined ? null : parseAddress(f.cell);
    return [sheet, at?.row ?? f.row ?? 0, at?.col ?? 0];
  };
  return [...findings].sort((a, b) => {
    const [sa, ra, ca] = position(a);
    const [sb, rb, cb] = position(b);
    return sa - sb || ra - rb || ca - cb || a.code.localeCompare(b.code);
  });
};

/** A finding at a cell whose value cannot be known (an input formula, or a total fed by one) only repeats cell.formula. */
const withoutFollowUps = (form: Form, findings: readonly Finding[]): readonly Finding[] => {
  if (!form.hasUnknownInputs()) return findings;
  return findings.filter(
    (f) => f.code === 'cell.formula' || f.code.startsWith('template.') || f.sheet === undefined || f.cell === undefined || !form.isUnknown(f.sheet, f.cell),
  );
};

export const checkWorkbook = (snapshot: WorkbookSnapshot, options: CheckOptions = {}): CheckResult => {
  const identified = identifyTemplate(snapshot);
  if (!identified.ok) {
    return { kind: null, templateVersion: null, findings: identified.findings, summary: summarize(identified.findings) };
  }
  const { def } = identified;
  const ctx = createContext(def, new Form(def, snapshot), options);
  const findings: Finding[] = [...identified.findings];
  for (const rule of TEMPLATE_RULES) findings.push(...rule(ctx));
  // data cannot be read where the template puts it once rows were inserted or sheets removed
  if (checkStructure(ctx).layoutIntact) for (const rule of DATA_RULES[def.kind]) findings.push(...rule(ctx));
  const sorted = sortFindings(withoutFollowUps(ctx.form, findings), def.sheets.map((s) => s.name));
  return { kind: def.kind, templateVersion: def.version, findings: sorted, summary: summarize(sorted) };
};
