// The small parts of an .xlsx: the workbook (sheets, states, defined names), its relationships, shared strings and
// which cell styles are dates (so a date-formatted number becomes a date, as Excel shows it). Given the definition's
// bounds (a workbook of ours, not a registry import), each refuses past them as it scans, before collecting more.
import { isDateFormat, type WorkbookBounds } from '@portfund/shared-rules';
import { ReadLimitError } from './sheet';
import { attribute, attributes, decodeEntities, decodeXstring, scanXml } from './xml';

const count = (n: number): string => n.toLocaleString('en-US');

export interface SheetEntry {
  readonly name: string;
  readonly state: 'visible' | 'hidden' | 'veryHidden';
  readonly relId: string;
}

export interface WorkbookPart {
  readonly sheets: readonly SheetEntry[];
  /** Workbook-level defined names (sheet-local ones such as print titles are left out). */
  readonly names: readonly { readonly name: string; readonly formula: string }[];
  /** Every defined name, sheet-local ones too (judged against the bounds and for active content). */
  readonly allNames: readonly { readonly name: string; readonly formula: string }[];
  readonly date1904: boolean;
}

export const parseWorkbook = (xml: string, bounds?: WorkbookBounds): WorkbookPart => {
  const sheets: SheetEntry[] = [];
  const names: { name: string; formula: string }[] = [];
  const allNames: { name: string; formula: string }[] = [];
  let date1904 = false;
  let current: { name: string; local: boolean; text: string } | null = null;
  scanXml(xml, {
    open(tag, raw) {
      if (tag === 'sheet') {
        const a = attributes(raw);
        const state = a.get('state');
        sheets.push({ name: a.get('name') ?? '', state: state === 'hidden' || state === 'veryHidden' ? state : 'visible', relId: a.get('id') ?? '' });
      } else if (tag === 'workbookPr') {
        const v = attribute(raw, 'date1904');
        date1904 = v === '1' || v === 'true';
      } else if (tag === 'definedName') {
        // refused as soon as one too many is seen: 50,000 names are never all collected
        if (bounds !== undefined && allNames.length >= bounds.maxDefinedNames) throw new ReadLimitError({ reason: 'bounds.too_many_names', limit: count(bounds.maxDefinedNames) });
        const a = attributes(raw);
        current = { name: a.get('name') ?? '', local: a.has('localSheetId'), text: '' };
      }
    },
    close(tag) {
      if (tag === 'definedName' && current !== null) {
        const named = { name: current.name, formula: decodeEntities(current.text) };
        allNames.push(named);
        if (!current.local) names.push(named);
        current = null;
      }
    },
    text(raw) {
      if (current !== null) current.text += raw;
    },
  });
  return { sheets, names, allNames, date1904 };
};

/** Relationship id → part path inside the zip (targets are relative to xl/ unless absolute). */
export const parseRelationships = (xml: string, base: string): Map<string, string> => {
  const out = new Map<string, string>();
  scanXml(xml, {
    open(tag, raw) {
      if (tag !== 'Relationship') return;
      const a = attributes(raw);
      const target = a.get('Target') ?? '';
      out.set(a.get('Id') ?? '', target.startsWith('/') ? target.slice(1) : normalisePath(`${base}/${target}`));
    },
    close() {},
    text() {},
  });
  return out;
};

const normalisePath = (path: string): string => {
  const parts: string[] = [];
  for (const p of path.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
};

/** The shared-string table: each <si> is the concatenation of its <t> runs (phonetic <rPh> runs are not text). */
export const parseSharedStrings = (xml: string, bounds?: WorkbookBounds): string[] => {
  const out: string[] = [];
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  let text = '';
  scanXml(xml, {
    open(tag, _raw, selfClosing) {
      if (tag === 'si') {
        if (bounds !== undefined && out.length >= bounds.maxSharedStrings) throw new ReadLimitError({ reason: 'bounds.too_many_strings', limit: count(bounds.maxSharedStrings) });
        inSi = true;
        text = '';
      } else if (tag === 'rPh') phonetic += selfClosing ? 0 : 1;
      else if (tag === 't' && !selfClosing) inT = true;
    },
    close(tag) {
      if (tag === 'si') {
        const decoded = decodeXstring(text);
        if (bounds !== undefined && decoded.length > bounds.maxStringLength) throw new ReadLimitError({ reason: 'bounds.string_too_long', limit: count(bounds.maxStringLength) });
        out.push(decoded);
        inSi = false;
      } else if (tag === 'rPh') phonetic = Math.max(0, phonetic - 1);
      else if (tag === 't') inT = false;
    },
    text(raw) {
      if (inSi && inT && phonetic === 0) text += decodeEntities(raw);
    },
  });
  return out;
};

// built-in number formats that show dates or times (ECMA-376 18.8.30, plus the CJK ones Excel uses in Taiwan)
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

export interface CellStyles {
  /** For each cell style index (the s attribute), whether its number format is a date. */
  readonly dateStyles: boolean[];
  /** For each cell style index, whether its protection turns Locked off (Excel writes "0", LibreOffice "false"). */
  readonly unlockedStyles: boolean[];
}

const isFalse = (v: string | undefined): boolean => v === '0' || v === 'false';

export const parseCellStyles = (xml: string, bounds?: WorkbookBounds): CellStyles => {
  const custom = new Map<number, string>();
  const dateStyles: boolean[] = [];
  const unlockedStyles: boolean[] = [];
  let inCellXfs = false;
  let inXf = false;
  scanXml(xml, {
    open(tag, raw, selfClosing) {
      if (tag === 'numFmt') custom.set(Number(attribute(raw, 'numFmtId')), attribute(raw, 'formatCode') ?? '');
      else if (tag === 'cellXfs') inCellXfs = true;
      else if (tag === 'xf' && inCellXfs) {
        if (bounds !== undefined && dateStyles.length >= bounds.maxStyles) throw new ReadLimitError({ reason: 'bounds.too_many_styles', limit: count(bounds.maxStyles) });
        const id = Number(attribute(raw, 'numFmtId') ?? '0');
        const code = custom.get(id);
        dateStyles.push(code === undefined ? BUILTIN_DATE_FORMATS.has(id) : isDateFormat(code));
        unlockedStyles.push(false);
        inXf = !selfClosing;
      } else if (tag === 'protection' && inXf) unlockedStyles[unlockedStyles.length - 1] = isFalse(attribute(raw, 'locked'));
    },
    close(tag) {
      if (tag === 'cellXfs') inCellXfs = false;
      else if (tag === 'xf') inXf = false;
    },
    text() {},
  });
  return { dateStyles, unlockedStyles };
};
