// import.header: the first row names the columns (Chinese or an English alias, any order, NFKC, trimmed, a trailing *
// of a required field ignored); a missing required or a repeated column is an error, an unknown one a warning (SPEC §8).
import { makeFinding } from '../findings/make';
import { type Finding } from '../findings/types';
import { type CellValue } from '../snapshot/types';
import { cellText } from '../values/text';
import { IMPORT_COLUMNS, IMPORT_KIND_LABELS, type ColumnSpec, type ImportKind } from './columns';

/** A header as compared: NFKC, no whitespace, no required-marker '*' or 「(必填)」, lower case. */
export const normaliseHeader = (text: string): string =>
  text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\((?:必填)\)/g, '')
    .replace(/^\*+|\*+$/g, '')
    .toLowerCase();

const lookupOf = (specs: readonly ColumnSpec[]): Map<string, ColumnSpec> => {
  const map = new Map<string, ColumnSpec>();
  for (const spec of specs) for (const name of [spec.header, ...spec.aliases]) map.set(normaliseHeader(name), spec);
  return map;
};

const LOOKUPS = new Map<ImportKind, Map<string, ColumnSpec>>();
const lookup = (kind: ImportKind): Map<string, ColumnSpec> => {
  let map = LOOKUPS.get(kind);
  if (map === undefined) LOOKUPS.set(kind, (map = lookupOf(IMPORT_COLUMNS[kind])));
  return map;
};

export interface HeaderMatch {
  /** Column index → column key; null for a column without a header (ignored) or an unknown one. */
  readonly columns: readonly (string | null)[];
  /** The column keys the file has: an import writes only these (a column left out keeps the stored value). */
  readonly present: ReadonlySet<string>;
  readonly findings: readonly Finding[];
  /** False when a finding is an error: the rows cannot be read (unknown columns are only warned about and skipped). */
  readonly ok: boolean;
}

const MAX_LISTED = 20;
/** The first few names as params columns and, when cut, more (how many in all): the text says "A、B 等 12 個". */
const list = (names: readonly string[]): { columns: string; more?: number } =>
  names.length > MAX_LISTED ? { columns: names.slice(0, MAX_LISTED).join('、'), more: names.length } : { columns: names.join('、') };

/** Which kinds a header row would fit (every required column present): helps say "this is a 服務時數 file". */
export const kindsMatching = (headers: readonly string[]): ImportKind[] => {
  const present = new Set(headers.map(normaliseHeader));
  return (Object.keys(IMPORT_COLUMNS) as ImportKind[]).filter((kind) => {
    const names = lookup(kind);
    const found = new Set<string>();
    for (const h of present) {
      const spec = names.get(h);
      if (spec !== undefined) found.add(spec.key);
    }
    return IMPORT_COLUMNS[kind].every((c) => !c.required || found.has(c.key));
  });
};

export const matchHeaders = (kind: ImportKind, cells: readonly CellValue[]): HeaderMatch => {
  const names = lookup(kind);
  const columns: (string | null)[] = [];
  const seen = new Map<string, string>();
  const unknown: string[] = [];
  const repeated: string[] = [];
  const written: string[] = [];
  cells.forEach((cell) => {
    const text = cellText(cell);
    if (text === null) {
      columns.push(null);
      return;
    }
    written.push(text);
    const spec = names.get(normaliseHeader(text));
    if (spec === undefined) {
      unknown.push(text);
      columns.push(null);
      return;
    }
    if (seen.has(spec.key)) {
      repeated.push(text);
      columns.push(null);
      return;
    }
    seen.set(spec.key, text);
    columns.push(spec.key);
  });
  const missing = IMPORT_COLUMNS[kind].filter((c) => c.required && !seen.has(c.key)).map((c) => c.header);
  const findings: Finding[] = [];
  if (written.length === 0) {
    findings.push(makeFinding('import.header', {}, { reason: 'header.none', columns: IMPORT_COLUMNS[kind].filter((c) => c.required).map((c) => c.header).join('、') }));
    return { columns, present: new Set(), findings, ok: false };
  }
  // each message parameter is capped at 60 characters (findings/make.ts): the full lists are in `field`
  if (missing.length > 0) findings.push(makeFinding('import.header', { field: missing.join('、') }, { reason: 'header.missing', ...list(missing) }));
  // an export with extra columns (e.g. 大頭照) is still importable: the unknown columns are skipped, not the file
  if (unknown.length > 0) findings.push(makeFinding('import.header', { field: unknown.join('、') }, { reason: 'header.unknown', ...list(unknown) }, { severity: 'warning' }));
  const others = missing.length > 0 ? kindsMatching(written).filter((k) => k !== kind) : [];
  if (others.length > 0) {
    const kinds = others.map((k) => IMPORT_KIND_LABELS[k]).join('、');
    findings.push(makeFinding('import.header', {}, { reason: 'header.wrong_kind', kinds, kind: IMPORT_KIND_LABELS[kind] }));
  }
  if (repeated.length > 0) findings.push(makeFinding('import.header', { field: repeated.join('、') }, { reason: 'header.repeated', ...list(repeated) }));
  return { columns, present: new Set(seen.keys()), findings, ok: findings.every((f) => f.severity !== 'error') };
};
