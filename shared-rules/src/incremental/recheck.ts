// Incremental re-checking for the add-in: after an edit, only the edited cells are patched into the last snapshot and only
// the rules they can change run again — the edited rows' own rules on those rows, the ledger-wide rules on the ledger
// replayed from the first edited row on. Anything else (the header, labels, formulas, names, another sheet, a typed
// formula, a workbook that is not a cash book) is checked in full. Either way the result is checkWorkbook's.
import { type CheckContext, type CheckOptions, createContext } from '../check/context';
import { type CheckResult, checkWorkbook, sortFindings } from '../check/run';
import { CB_SHEET } from '../definition/cashbook/ledger-sheet';
import { definedNames } from '../definition/names';
import { type WorkbookDefinition } from '../definition/types';
import { summarize, type Finding } from '../findings/types';
import { Form } from '../form/form';
import { type Ledger, readLedger } from '../ledger/read';
import { DATA_RULES, TEMPLATE_RULES } from '../rules';
import { overwrittenFormulas } from '../rules/template/formula-overwritten';
import { identifyTemplate } from '../rules/template/identify';
import { checkStructure } from '../rules/template/structure';
import { address, parseAddress, parseRange } from '../snapshot/a1';
import { type SnapshotCell, type SnapshotSheet, type WorkbookSnapshot } from '../snapshot/types';
import { patchLedger } from './ledger-patch';
import { allCashbookRulesClassified, LEDGER_RULES, ROW_RULES } from './rule-classes';

/** One cell as read again after an edit: its new content, or null when it is empty now. */
export interface CellPatch {
  readonly sheet: string;
  readonly cell: string;
  readonly value: SnapshotCell | null;
}

/** 'rows': only the edited ledger rows and the ledger-wide rules ran; 'full': every rule ran. */
export type RecheckMode = 'rows' | 'full';

export interface Recheck {
  readonly result: CheckResult;
  readonly mode: RecheckMode;
}

interface RuleRun {
  readonly rule: (ctx: CheckContext) => readonly Finding[];
  readonly findings: readonly Finding[];
}

/** What a full check of a cash book leaves for the next edit of its entries. */
interface Baseline {
  readonly def: WorkbookDefinition;
  readonly identified: readonly Finding[];
  readonly runs: readonly RuleRun[];
  readonly ledger: Ledger;
  /** cb_entries: its sheet rows and columns. */
  readonly entries: { readonly top: number; readonly bottom: number; readonly left: number; readonly right: number };
  /** The ledger sheet's cells outside the entry rows (header, opening row), which an incremental re-check never changes. */
  readonly fixedCells: ReadonlyMap<string, SnapshotCell>;
}

const sheetOrder = (def: WorkbookDefinition): string[] => def.sheets.map((s) => s.name);

const resultOf = (def: WorkbookDefinition, identified: readonly Finding[], runs: readonly RuleRun[]): CheckResult => {
  const findings = sortFindings([...identified, ...runs.flatMap((r) => r.findings)], sheetOrder(def));
  return { kind: def.kind, templateVersion: def.version, findings, summary: summarize(findings) };
};

/** A full check that keeps, for a cash book that can be re-checked by rows, each rule's findings and the replay. */
const fullCheck = (snapshot: WorkbookSnapshot, options: CheckOptions): { result: CheckResult; baseline: Baseline | null } => {
  const identified = identifyTemplate(snapshot);
  if (!identified.ok || identified.def.kind !== 'cashbook' || !allCashbookRulesClassified()) return { result: checkWorkbook(snapshot, options), baseline: null };
  const { def } = identified;
  const ctx = createContext(def, new Form(def, snapshot), options);
  const target = definedNames(def).get('cb_entries');
  const bounds = target === undefined ? null : parseRange(target.ref);
  // typed or overwritten formulas make values depend on more than their row: such a book is always checked in full
  if (bounds === null || !checkStructure(ctx).layoutIntact || ctx.form.typedFormulas().length > 0 || overwrittenFormulas(ctx).length > 0) {
    return { result: checkWorkbook(snapshot, options), baseline: null };
  }
  const runs = [...TEMPLATE_RULES, ...DATA_RULES.cashbook].map((rule) => ({ rule, findings: rule(ctx) }));
  const fixedCells = new Map<string, SnapshotCell>();
  for (const [at, cell] of snapshot.sheets.find((s) => s.name === CB_SHEET)?.cells ?? []) {
    const row = parseAddress(at)?.row ?? 0;
    if (row < bounds.top || row > bounds.bottom) fixedCells.set(at, cell);
  }
  const baseline: Baseline = { def, identified: identified.findings, runs, ledger: readLedger(ctx), entries: bounds, fixedCells };
  return { result: resultOf(def, identified.findings, runs), baseline };
};

/** The definition with cb_entries covering only the rows from the first to the last edited one. */
const narrowedEntries = (b: Baseline, rows: ReadonlySet<number>): WorkbookDefinition => {
  const ref = `${address(Math.min(...rows), b.entries.left)}:${address(Math.max(...rows), b.entries.right)}`;
  return { ...b.def, fields: b.def.fields.map((f) => (f.name === 'cb_entries' && f.kind === 'range' ? { ...f, ref } : f)) };
};


export interface IncrementalCheck {
  /** The result of the last check: always what checkWorkbook says of the current snapshot. */
  readonly result: CheckResult;
  /** The workbook as last read, with every patch applied. */
  snapshot(): WorkbookSnapshot;
  /** Applies the patches and re-checks what they can change. */
  update(patches: readonly CellPatch[]): Recheck;
}

/** Checks the snapshot in full and keeps what later edits need (the snapshot is copied, never changed). */
export const startIncrementalCheck = (initial: WorkbookSnapshot, options: CheckOptions = {}): IncrementalCheck => {
  const cells = new Map(initial.sheets.map((s) => [s.name, new Map(s.cells)]));
  const sheets: SnapshotSheet[] = initial.sheets.map((s) => ({ ...s, cells: cells.get(s.name) ?? new Map() }));
  const snapshot: WorkbookSnapshot = { sheets, names: initial.names };
  let { result, baseline } = fullCheck(snapshot, options);

  const isEntryInput = (b: Baseline, p: CellPatch): boolean => {
    if (p.sheet !== CB_SHEET || p.value?.f !== undefined) return false;
    const at = parseAddress(p.cell);
    const spec = b.def.sheets.find((s) => s.name === CB_SHEET)?.cells.get(p.cell);
    return at !== null && at.row >= b.entries.top && at.row <= b.entries.bottom && spec?.kind === 'input';
  };

  const byRows = (b: Baseline, rows: ReadonlySet<number>): CheckResult => {
    // the header, the parameter table and _meta as they are; of the entries only the edited rows
    const ledgerCells = new Map(b.fixedCells);
    const current = cells.get(CB_SHEET);
    for (const row of rows) {
      for (let col = b.entries.left; col <= b.entries.right; col += 1) {
        const at = address(row, col);
        const cell = current?.get(at);
        if (cell !== undefined) ledgerCells.set(at, cell);
      }
    }
    const mini: WorkbookSnapshot = { sheets: sheets.map((s) => (s.name === CB_SHEET ? { ...s, cells: ledgerCells } : s)), names: snapshot.names };
    const form = new Form(b.def, mini);
    // the row rules walk cb_entries row by row: narrowed to the edited span, they skip the thousands of rows no edit reached
    const narrowed = narrowedEntries(b, rows);
    const rowsCtx = createContext(narrowed, new Form(narrowed, mini), options);
    const inRows = (f: Finding): boolean => f.sheet === CB_SHEET && f.cell !== undefined && rows.has(parseAddress(f.cell)?.row ?? 0);
    const ledger = patchLedger(b.ledger, rows, readLedger(rowsCtx).entries);
    const ledgerCtx = createContext(b.def, form, options, new Map<string, unknown>([['ledger', ledger], ['overwritten', []]]));
    const runs = b.runs.map((run): RuleRun => {
      if (ROW_RULES.has(run.rule)) return { rule: run.rule, findings: [...run.findings.filter((f) => !inRows(f)), ...run.rule(rowsCtx).filter(inRows)] };
      if (LEDGER_RULES.has(run.rule)) return { rule: run.rule, findings: run.rule(ledgerCtx) };
      return run;
    });
    baseline = { ...b, runs, ledger };
    return resultOf(b.def, b.identified, runs);
  };

  return {
    get result() {
      return result;
    },
    snapshot: () => snapshot,
    update(patches) {
      const rows = new Set<number>();
      let incremental = baseline !== null;
      for (const p of patches) {
        const sheet = cells.get(p.sheet);
        if (sheet === undefined) continue;
        if (p.value === null) sheet.delete(p.cell);
        else sheet.set(p.cell, p.value);
        if (baseline !== null && isEntryInput(baseline, p)) rows.add(parseAddress(p.cell)?.row ?? 0);
        else incremental = false;
      }
      if (incremental && baseline !== null) {
        if (rows.size > 0) result = byRows(baseline, rows);
        return { result, mode: 'rows' };
      }
      ({ result, baseline } = fullCheck(snapshot, options));
      return { result, mode: 'full' };
    },
  };
};
