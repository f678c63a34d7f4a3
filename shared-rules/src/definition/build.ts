// Assembles the definition of a workbook kind at a template version; cached because the cash book has ~20k cells.
import { buildBasicSheet } from './application/basic-sheet';
import { buildBudgetSheet } from './application/budget-sheet';
import { buildFinalAccountsSheet } from './application/final-accounts-sheet';
import { buildRosterSheet, DEFAULT_ROSTER_ROWS } from './application/roster-sheet';
import { buildTrainingExpensesSheet } from './application/training-expenses-sheet';
import { buildTrainingReportSheet } from './application/training-report-sheet';
import { buildWorkPlanSheet } from './application/work-plan-sheet';
import { buildLedgerSheet, CB_NO_TABLE, CB_SUMMARY_TABLE, DEFAULT_ENTRY_ROWS, noTableRows } from './cashbook/ledger-sheet';
import { paramKey, paramsFor } from './cashbook/params';
import { buildParamsSheet } from './cashbook/params-sheet';
import { listsFor } from './lists';
import { type BuiltSheet } from './sheet-builder';
import { type TemplateOptions, type WorkbookDefinition, type WorkbookKind } from './types';
import { CURRENT_VERSION, findVersion, hasManualLayout } from './versions';

const cache = new Map<string, WorkbookDefinition>();

export const MIN_ENTRY_ROWS = DEFAULT_ENTRY_ROWS;
export const MIN_ROSTER_ROWS = DEFAULT_ROSTER_ROWS;

const assemble = (
  kind: WorkbookKind,
  version: string,
  title: string,
  built: readonly BuiltSheet[],
  rest: Pick<WorkbookDefinition, 'lists' | 'tables' | 'options'>,
): WorkbookDefinition => ({
  kind,
  version,
  title,
  sheets: built.map((b) => b.sheet),
  fields: built.flatMap((b) => b.fields),
  validations: built.flatMap((b) => b.validations),
  ...rest,
});

export const buildDefinition = (kind: WorkbookKind, version: string = CURRENT_VERSION, options: TemplateOptions = {}): WorkbookDefinition => {
  const entryRows = Math.max(options.entryRows ?? DEFAULT_ENTRY_ROWS, DEFAULT_ENTRY_ROWS);
  const rosterRows = Math.max(options.rosterRows ?? DEFAULT_ROSTER_ROWS, DEFAULT_ROSTER_ROWS);
  const key = `${kind}|${version}|${entryRows}|${rosterRows}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const resolved = { entryRows, rosterRows };
  const release = findVersion(version);
  if (release === undefined) throw new Error(`unknown template version ${version}`);
  // the cash book's dropdowns, 摘要(一) lookup and 參數表 come from the parameter table of this very version
  const params = paramsFor(version);
  const def =
    kind === 'application'
      ? assemble(
          kind,
          version,
          '商港服務費福利專款申請書',
          [
            buildBasicSheet(release),
            buildRosterSheet(rosterRows, release),
            buildFinalAccountsSheet(release),
            buildTrainingReportSheet(release),
            buildTrainingExpensesSheet(release),
            buildWorkPlanSheet(release),
            buildBudgetSheet(release),
          ],
          { lists: listsFor(['union_type', 'gender', 'interest_option', 'days', 'mark'], version), tables: [], options: resolved },
        )
      : assemble(kind, version, '商港服務費福利專款現金收支登記簿', [buildLedgerSheet(entryRows, params, release), buildParamsSheet(release, params)], {
          lists: listsFor(['period', 'cb_zi', 'cb_item', 'cb_no', 'cb_category', 'cb_account'], version),
          tables: [
            { name: CB_SUMMARY_TABLE, rows: params.rows.map((p) => [paramKey(p.zi, p.no), p.summary] as const) },
            // from 1.3 the 號 dropdown offers only the 號 of the row's 字 and 項目
            ...(hasManualLayout(release) ? [{ name: CB_NO_TABLE, rows: noTableRows(params) }] : []),
          ],
          options: resolved,
        });
  cache.set(key, def);
  return def;
};
