// The reviewer's clean copy (issue 14) on every workbook fixture: a fresh template of the file's own version filled with
// its values re-checks to the same findings — code, sheet, cell and params — as the uploaded file. What a fresh template
// cannot carry by construction is named here and nowhere else: the file's own structure (protection, validations
// removed in its XML, rows inserted) and formulas reaching outside the workbook (DDE), which the copy writes as values.
import { type Finding } from '@portfund/shared-rules';
import { cleanCopy, isInertFormula } from '../ingest-server/src/workbook/clean-copy';
import { checkFileBytes, type FileCheck } from '../ingest-server/src/workbook/check/check-file';
import { INSERT_ROW_TIMEOUT_MS } from './fixtures/insert-row';
import { WORKBOOK_FIXTURES } from './fixtures/workbook-fixtures';
import { fixtureBytes } from './helpers/workbooks';
import { cachedCheck } from './support/cached-check';

const placed = (f: Finding): string => `${f.code} ${f.sheet ?? '-'}!${f.cell ?? '-'} ${f.severity} ${JSON.stringify(f.params)}`;

/** A file the server would file (and so offer for download): readable, a template, of a known version. */
const fileable = (check: FileCheck): boolean => check.readable && check.kind !== null && check.templateVersion !== null && check.snapshot !== undefined;

/** Cells of the file holding a formula that reaches outside the workbook: the copy holds their cached value instead. */
const activeCells = (check: FileCheck): Set<string> => {
  const out = new Set<string>();
  for (const sheet of check.snapshot?.sheets ?? []) for (const [at, cell] of sheet.cells) if (cell.f !== undefined && !isInertFormula(cell.f)) out.add(`${sheet.name}!${at}`);
  return out;
};

/** What the user typed over the template's formulas is carried into the copy; the rest of the file's structure is not. */
const CARRIED_STRUCTURE = new Set(['structure.formula_changed', 'structure.more_overwritten']);
/** A finding about the file's own structure (protection, validations, moved names), which a fresh template has by construction. */
const structural = (f: Finding): boolean => f.code === 'template.structure' && !CARRIED_STRUCTURE.has(String(f.params.reason));

// the table from its end: the reader-parity test, started at the same time (the longest files start first), generates the
// fixtures from the start, so the two workers make different fixtures rather than one waiting for the other's
const LAST_FIRST = [...WORKBOOK_FIXTURES].reverse();

describe('the clean copy of every fixture', () => {
  it.each(LAST_FIRST.map((f) => [f.name, f] as const))(
    '%s',
    async (_, fixture) => {
      // the fixture's own check is the fixture table's (workbook-fixtures.test.ts), made once per run
      const bytes = await fixtureBytes(fixture);
      const before = await cachedCheck(bytes, fixture.fileName);
      if (!fileable(before)) {
        // never filed, so never downloaded: the server refuses it with the findings that say why
        expect(before.findings.some((f) => ['file.unreadable', 'template.unknown'].includes(f.code)) || before.kind === null || before.templateVersion === null).toBe(true);
        return;
      }
      const kind = before.kind ?? 'application';
      const version = before.templateVersion ?? '';
      if (before.snapshot === undefined) throw new Error('a readable file has a snapshot');
      const copy = await cleanCopy(before.snapshot, kind, version);
      // most copies (82 of 86) are the fixture byte for byte — a fresh template filled with the same values: the check of
      // the same bytes and name (deterministic) is then the fixture's, not run again
      const after = copy.equals(bytes) ? before : await checkFileBytes(copy, fixture.fileName);
      expect([after.kind, after.templateVersion]).toEqual([kind, version]);
      const active = activeCells(before);
      const kept = (f: Finding): boolean => !structural(f) && !active.has(`${f.sheet ?? ''}!${f.cell ?? ''}`);
      expect(after.findings.map(placed).sort()).toEqual(before.findings.filter(kept).map(placed).sort());
      // the copy is a template as the ministry made it: no structural finding of its own
      expect(after.findings.filter(structural).map(placed)).toEqual([]);
    },
    INSERT_ROW_TIMEOUT_MS,
  );
});
