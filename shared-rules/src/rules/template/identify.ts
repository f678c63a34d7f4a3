// template.unknown / template.outdated: which template (kind, version, size) a workbook was made from (SPEC §3).
import { workbookBounds } from '../../definition/bounds';
import { buildDefinition } from '../../definition/build';
import { META_NAMES, META_SHEET, META_CELLS } from '../../definition/meta';
import { type WorkbookDefinition, type WorkbookKind } from '../../definition/types';
import { CURRENT_VERSION, findVersion } from '../../definition/versions';
import { makeFinding, type Reason } from '../../findings/make';
import { type Finding } from '../../findings/types';
import { parseRange } from '../../snapshot/a1';
import { type WorkbookSnapshot } from '../../snapshot/types';
import { cellText } from '../../values/text';

export type Identification =
  | { readonly ok: true; readonly def: WorkbookDefinition; readonly findings: readonly Finding[] }
  | { readonly ok: false; readonly findings: readonly Finding[] };

const readMeta = (snapshot: WorkbookSnapshot, name: string, fallback: string): string | null => {
  const target = snapshot.names.get(name) ?? { sheet: META_SHEET, ref: fallback };
  const sheet = snapshot.sheets.find((s) => s.name === target.sheet);
  const cell = target.ref.split(':')[0] ?? '';
  return cellText(sheet?.cells.get(cell)?.v ?? null);
};

/**
 * Rows of a repeating range as the workbook defines it (a large union may use a template with more rows), never past
 * the definition's bound: the readers refuse larger names first, and a snapshot that skipped them builds no larger table.
 */
const rowsOf = (snapshot: WorkbookSnapshot, name: string): number | undefined => {
  const target = snapshot.names.get(name);
  const b = target === undefined ? null : parseRange(target.ref);
  return b === null ? undefined : Math.min(b.bottom - b.top + 1, workbookBounds().maxTableRows);
};

const unknown = (reason: Reason): Identification => ({ ok: false, findings: [makeFinding('template.unknown', {}, reason)] });

export const identifyTemplate = (snapshot: WorkbookSnapshot): Identification => {
  const kind = readMeta(snapshot, META_NAMES.kind, META_CELLS.kind);
  if (kind === null) return unknown({ reason: 'template.no_meta' });
  if (kind !== 'application' && kind !== 'cashbook') return unknown({ reason: 'template.kind_unknown', kind });
  const version = readMeta(snapshot, META_NAMES.version, META_CELLS.version);
  if (version === null || findVersion(version) === undefined) return unknown({ reason: 'template.version_unknown', version: version ?? '' });
  const entryRows = rowsOf(snapshot, 'cb_entries');
  const rosterRows = rowsOf(snapshot, 'roster_rows');
  const def = buildDefinition(kind as WorkbookKind, version, {
    ...(entryRows !== undefined ? { entryRows } : {}),
    ...(rosterRows !== undefined ? { rosterRows } : {}),
  });
  const findings =
    version === CURRENT_VERSION
      ? []
      : [makeFinding('template.outdated', { field: META_NAMES.version }, { actual: version, expected: CURRENT_VERSION })];
  return { ok: true, def, findings };
};
