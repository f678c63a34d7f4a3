// One worksheet: its cells — values as shown (shared strings resolved, booleans, errors, date-formatted numbers as dates)
// and formula texts (shared formulas translated to each cell), keyed by A1 address — and the structure the template
// fixes: data validations, sheet protection, which non-empty cells are unlocked. Read whole (parseSheet) or as its XML
// inflates (readSheet: one row at a time, never the whole text), within limits on cells and sizes.
import { activeFormula, cellBeyondBounds, reasonText, type Reason, type WorkbookBounds } from '@portfund/shared-rules';
import {
  address,
  parseAddress,
  parsePlainAddress,
  serialToIsoDate,
  type CellValue,
  type SnapshotCell,
  type SnapshotValidation,
} from '@portfund/shared-rules';
import { readerReasons } from '../gate/reasons';
import { rememberedFormula, rememberFormula } from './formula-memory';
import { RowPieces } from './row-cells';
import { slideFormula } from './shared-formula';
import { attribute, attributes, decodeEntities, decodeXstring, scanXml, XmlError, type XmlHandlers } from './xml';

export interface SheetContext {
  readonly sharedStrings: readonly string[];
  readonly dateStyles: readonly boolean[];
  /** For each cell style index, whether it turns Locked off (absent: not read, and no cell counts as unlocked). */
  readonly unlockedStyles?: readonly boolean[];
  readonly date1904: boolean;
}

export interface ParsedSheet {
  readonly cells: Map<string, SnapshotCell>;
  readonly validations: SnapshotValidation[];
  readonly protected: boolean;
  readonly unlocked: Set<string>;
}

/** Over a reading limit (sizes, cells): the message is the zh-TW reason shown to the user (file.unreadable). */
export class ReadLimitError extends Error {
  constructor(readonly reason: Reason) {
    super(reasonText(reason));
  }
}

/** Cells (every <c> element, empty or not) still allowed in the workbook being read; shared by its sheets. */
export interface CellBudget {
  remaining: number;
  readonly limit: number;
}

export interface SheetLimits {
  /** Characters of one <row> element. */
  readonly maxRowChars: number;
  /** Characters of the sheet's XML outside its rows (columns, merges, validations, conditional formats…). */
  readonly maxOtherChars: number;
}

/** A sheet of a workbook of ours: its cells must lie within the definition's bounds and hold no active formula. */
export interface SheetGuard {
  readonly sheetName: string;
  readonly bounds: WorkbookBounds;
}

interface SharedMaster {
  readonly formula: string;
  readonly at: { row: number; col: number };
}

interface SheetOut {
  readonly cells: Map<string, SnapshotCell>;
  readonly validations: SnapshotValidation[];
  protected: boolean;
  readonly unlocked: Set<string>;
}

const isTrue = (v: string | undefined): boolean => v === '1' || v === 'true';

// types whose bounds are numbers: exceljs hands them over as numbers, so both readers write them as String(Number(x))
const NUMERIC_VALIDATIONS = new Set(['whole', 'decimal', 'textLength']);
const WITHOUT_OPERATOR = new Set(['list', 'custom', 'any']);

const canonicalBound = (type: string, formula: string): string => {
  const trimmed = formula.trim();
  return NUMERIC_VALIDATIONS.has(type) && trimmed !== '' && Number.isFinite(Number(trimmed)) ? String(Number(trimmed)) : formula;
};

/** "$C$14:$C$3013  e5" → "C14:C3013 E5" */
const canonicalSqref = (sqref: string): string => sqref.replace(/\$/g, '').toUpperCase().trim().split(/\s+/).join(' ');

/** The validation as both readers report it (mirrors exceljs: no operator without bounds, 'between' by default). */
export const makeValidation = (sqref: string, type: string, operator: string | undefined, formulas: readonly string[]): SnapshotValidation => {
  const bounds = formulas.map((f) => canonicalBound(type, f));
  const op = WITHOUT_OPERATOR.has(type) || bounds.length === 0 ? undefined : (operator ?? 'between');
  return { sqref: canonicalSqref(sqref), type, ...(op === undefined ? {} : { operator: op }), formulas: bounds };
};

/** The sheet's handlers, and the fast path for a row in the plain form (false: not read, scan it). */
type SheetHandlers = XmlHandlers & { plainRow(text: string): boolean };

/** Handlers that read cells, validations and protection into `out`; their state lasts across the fragments of one sheet. */
const sheetHandlers = (ctx: SheetContext, out: SheetOut, budget: CellBudget | undefined, guard?: SheetGuard): SheetHandlers => {
  const masters = new Map<string, SharedMaster>();
  let row = 0;
  let col = 0;
  // the cell being read
  let inCell = false;
  let cellRef = '';
  let cellType = '';
  let cellStyle = -1;
  let value: string | null = null;
  let formula: string | null = null;
  // the formula's XML text when a plain row gave it (null from the scanner), and whether it was read before as safe
  let formulaRaw: string | null = null;
  let formulaKnown = false;
  let formulaAttrs = '';
  let inlineText: string | null = null;
  let reading: 'v' | 'f' | 't' | null = null;
  let text = '';
  // the data validation being read (x14 validations in extLst carry sqref and formulas as child elements)
  let validation: { sqref: string; type: string; operator: string | undefined; formulas: string[] } | null = null;
  let collecting: 'formula' | 'sqref' | null = null;
  let collected = '';

  const finishCell = (): void => {
    inCell = false;
    if (guard !== undefined && formula !== null && formula !== '' && !formulaKnown) {
      const active = activeFormula(formula);
      if (active !== null) throw new ReadLimitError({ reason: 'reader.active_formula', sheetName: guard.sheetName, cell: cellRef, ...active });
      if (formulaRaw !== null) formula = rememberFormula(formulaRaw, formula);
    }
    let f = formula;
    if (formula !== null && attribute(formulaAttrs, 't') === 'shared') {
      const at = parseAddress(cellRef);
      if (at === null) return;
      const si = attribute(formulaAttrs, 'si') ?? '';
      if (f !== null && f !== '') masters.set(si, { formula: f, at });
      else {
        const master = masters.get(si);
        f = master === undefined ? null : slideFormula(master.formula, master.at, at);
      }
    }
    const v = cellValue(cellType, value, inlineText, cellStyle, ctx);
    if (f !== null && f !== '') out.cells.set(cellRef, { v, f });
    else if (v !== null) out.cells.set(cellRef, { v });
    else return;
    // a cell without s has style 0, as Excel reads it
    if (ctx.unlockedStyles?.[Math.max(cellStyle, 0)] === true) out.unlocked.add(cellRef);
  };

  const openCell = (raw: string): void => {
    if (budget !== undefined && --budget.remaining < 0) throw new ReadLimitError(readerReasons.tooManyCells(budget.limit));
    inCell = true;
    const r = attribute(raw, 'r');
    // Excel writes r="B7"; a cell without r (allowed) takes the next column of its row
    let cellRow = row;
    const plain = r === undefined ? null : parsePlainAddress(r);
    if (plain !== null) {
      cellRef = r as string;
      col = plain.col;
      cellRow = plain.row;
    } else {
      const at = r === undefined ? null : parseAddress(r);
      col = at === null ? col + 1 : at.col;
      cellRow = at?.row ?? row;
      cellRef = address(cellRow, col);
    }
    if (guard !== undefined && (cellRow > guard.bounds.maxRow || col > guard.bounds.maxColumn)) {
      throw new ReadLimitError(cellBeyondBounds(guard.sheetName, cellRow, col, guard.bounds) ?? readerReasons.corrupt);
    }
    cellType = attribute(raw, 't') ?? 'n';
    const s = attribute(raw, 's');
    cellStyle = s === undefined ? -1 : Number(s);
    value = null;
    formula = null;
    formulaRaw = null;
    formulaKnown = false;
    formulaAttrs = '';
    inlineText = null;
  };

  const openInCell = (tag: string, raw: string, selfClosing: boolean): void => {
    if (tag === 'v' || tag === 'f') {
      reading = selfClosing ? null : tag;
      text = '';
      if (tag === 'f') {
        formulaAttrs = raw;
        formula = '';
      }
    } else if (tag === 'is') inlineText = '';
    else if (tag === 't' && inlineText !== null) {
      reading = 't';
      text = '';
    } else if (tag === 'rPh') reading = null;
  };

  const openValidation = (raw: string): void => {
    const a = attributes(raw);
    validation = { sqref: a.get('sqref') ?? '', type: a.get('type') ?? 'any', operator: a.get('operator'), formulas: [] };
  };

  const pieces = new RowPieces();
  /** A row in the plain form, cell by cell through the same steps as the scanner's events. */
  const plainRow = (text: string): boolean => {
    if (!pieces.scan(text)) return false;
    const r = attribute(pieces.attrs, 'r');
    row = r === undefined ? row + 1 : Number(r);
    col = 0;
    for (let k = 0; k < pieces.count; k += 1) {
      openCell(pieces.cellAttrs[k] ?? '');
      const v = pieces.values[k] ?? null;
      const f = pieces.formulas[k] ?? null;
      value = v === null ? null : decodeEntities(v);
      const remembered = f === null ? undefined : rememberedFormula(f);
      formula = remembered ?? (f === null ? null : decodeEntities(f));
      formulaRaw = f;
      formulaKnown = remembered !== undefined;
      formulaAttrs = pieces.formulaAttrs[k] ?? '';
      finishCell();
    }
    return true;
  };

  return {
    plainRow,
    open(tag, raw, selfClosing) {
      if (tag === 'row') {
        const r = attribute(raw, 'r');
        row = r === undefined ? row + 1 : Number(r);
        col = 0;
      } else if (tag === 'c') openCell(raw);
      else if (inCell) openInCell(tag, raw, selfClosing);
      else if (tag === 'sheetProtection') out.protected = isTrue(attribute(raw, 'sheet'));
      else if (tag === 'dataValidation') openValidation(raw);
      else if (validation !== null && (tag === 'formula1' || tag === 'formula2' || tag === 'sqref')) {
        collecting = tag === 'sqref' ? 'sqref' : 'formula';
        collected = '';
      }
    },
    close(tag) {
      if (inCell) {
        if (tag === 'v' && reading === 'v') value = decodeEntities(text);
        else if (tag === 'f' && reading === 'f') formula = decodeEntities(text);
        else if (tag === 't' && reading === 't' && inlineText !== null) inlineText += decodeXstring(decodeEntities(text));
        if (tag === 'v' || tag === 'f' || tag === 't') reading = null;
        if (tag === 'c') finishCell();
      } else if (validation !== null) {
        if ((tag === 'formula1' || tag === 'formula2') && collecting === 'formula') validation.formulas.push(decodeEntities(collected));
        else if (tag === 'sqref' && collecting === 'sqref') validation.sqref = decodeEntities(collected);
        if (tag === 'formula1' || tag === 'formula2' || tag === 'sqref') collecting = null;
        if (tag === 'dataValidation') {
          out.validations.push(makeValidation(validation.sqref, validation.type, validation.operator, validation.formulas));
          validation = null;
        }
      }
    },
    text(raw) {
      if (reading !== null) text += raw;
      else if (collecting !== null) collected += raw;
    },
  };
};

const emptySheet = (): SheetOut => ({ cells: new Map(), validations: [], protected: false, unlocked: new Set() });

/** A whole worksheet's XML. */
export const parseSheetXml = (xml: string, ctx: SheetContext, budget?: CellBudget): ParsedSheet => {
  const out = emptySheet();
  scanXml(xml, sheetHandlers(ctx, out, budget));
  return out;
};

/** The cells of a whole worksheet (or of one row element). */
export const parseSheet = (xml: string, ctx: SheetContext): Map<string, SnapshotCell> => parseSheetXml(xml, ctx).cells;

const cellValue = (type: string, value: string | null, inlineText: string | null, style: number, ctx: SheetContext): CellValue => {
  switch (type) {
    case 's': {
      const i = value === null ? NaN : Number(value);
      return Number.isInteger(i) ? (ctx.sharedStrings[i] ?? null) : null;
    }
    case 'inlineStr':
      return inlineText ?? value;
    case 'str':
      // an empty text result reads as blank, as Office.js and exceljs report it
      return value === null || value === '' ? null : value;
    case 'b':
      return value === null ? null : value === '1' || value === 'true';
    case 'e':
      return value === null ? null : { error: value };
    case 'd':
      return value === null ? null : { date: value.slice(0, 10) };
    default: {
      if (value === null || value === '') return null;
      const n = Number(value);
      if (!Number.isFinite(n)) return value;
      if (style >= 0 && ctx.dateStyles[style] === true) {
        const iso = serialToIsoDate(n, ctx.date1904);
        return iso === null ? n : { date: iso };
      }
      return n;
    }
  }
};

type Piece = { readonly row: true; readonly tag: string; readonly text: string } | { readonly row: false; readonly text: string };

// a bounded namespace prefix keeps the look-back after a chunk short: a row start is at most 38 characters long
const ROW_START = /<(?:[A-Za-z_][\w.-]{0,31}:)?row[\s>/]/g;
const LONGEST_ROW_START = 38;

/**
 * Cuts a worksheet's XML, as it arrives in chunks, into complete <row> elements and the text between them. Every search
 * resumes where the last one stopped, so a long row costs linear time; a row longer than `maxRowChars` is refused.
 */
export class RowSplitter {
  private buffer = '';
  private rowTag: string | null = null;
  private searchFrom = 0;

  constructor(private readonly maxRowChars: number) {}

  push(chunk: string): Piece[] {
    this.buffer += chunk;
    const out: Piece[] = [];
    for (;;) {
      if (this.rowTag === null) {
        ROW_START.lastIndex = 0;
        const m = ROW_START.exec(this.buffer);
        if (m === null) {
          // keep only a row start the chunk may have cut ("<ro"): the last '<', when it is near the end
          const lt = this.buffer.lastIndexOf('<');
          const keep = lt >= 0 && this.buffer.length - lt < LONGEST_ROW_START ? lt : this.buffer.length;
          if (keep > 0) out.push({ row: false, text: this.buffer.slice(0, keep) });
          this.buffer = this.buffer.slice(keep);
          return out;
        }
        if (m.index > 0) out.push({ row: false, text: this.buffer.slice(0, m.index) });
        this.buffer = this.buffer.slice(m.index);
        this.rowTag = m[0].slice(1, -1);
        this.searchFrom = 0;
      }
      const end = this.rowEnd(this.rowTag);
      if (end < 0) {
        if (this.buffer.length > this.maxRowChars) throw new ReadLimitError(readerReasons.rowTooLarge(this.maxRowChars));
        return out;
      }
      out.push({ row: true, tag: this.rowTag, text: this.buffer.slice(0, end) });
      this.buffer = this.buffer.slice(end);
      this.rowTag = null;
    }
  }

  /** What is left at the end of the sheet; a row that never closed is not well-formed. */
  end(): Piece[] {
    if (this.rowTag !== null) throw new XmlError('unterminated row');
    const rest = this.buffer;
    this.buffer = '';
    return rest === '' ? [] : [{ row: false, text: rest }];
  }

  /** Just past the row element at the start of the buffer, or -1 while it has not arrived whole. */
  private rowEnd(tag: string): number {
    const open = this.buffer.indexOf('>', 1);
    if (open < 0) return -1;
    if (this.buffer[open - 1] === '/') return open + 1;
    const closing = `</${tag}>`;
    const at = this.buffer.indexOf(closing, Math.max(open, this.searchFrom));
    if (at >= 0) return at + closing.length;
    this.searchFrom = Math.max(open, this.buffer.length - closing.length);
    return -1;
  }
}

/**
 * A worksheet as its XML inflates: each row is read when it has arrived and then dropped; the text outside rows
 * (validations, protection…) is kept, within its limit, and read at the end. Shared formulas are followed across rows.
 */
export const readSheet = async (
  chunks: AsyncIterable<string>,
  ctx: SheetContext,
  limits: SheetLimits,
  budget?: CellBudget,
  guard?: SheetGuard,
): Promise<ParsedSheet> => {
  const out = emptySheet();
  const handlers = sheetHandlers(ctx, out, budget, guard);
  const splitter = new RowSplitter(limits.maxRowChars);
  let other = '';
  const take = (pieces: readonly Piece[]): void => {
    for (const piece of pieces) {
      if (piece.row) {
        if (!handlers.plainRow(piece.text)) scanXml(piece.text, handlers);
      } else {
        other += piece.text;
        if (other.length > limits.maxOtherChars) throw new ReadLimitError(readerReasons.sheetMarkupTooLarge(limits.maxOtherChars));
      }
    }
  };
  for await (const chunk of chunks) take(splitter.push(chunk));
  take(splitter.end());
  scanXml(other, handlers);
  return out;
};

type SheetRow = { readonly line: number; readonly cells: Map<string, SnapshotCell> };

// the longest row a registry import may have: Excel's 16,384 columns of short values
const IMPORT_MAX_ROW_CHARS = 8 * 1024 * 1024;

/**
 * The rows of a sheet one at a time as its XML arrives in chunks (large registry imports): each complete <row>
 * element is read on its own and dropped, so only the row being read and one chunk are held, never the whole sheet.
 * Shared formulas are not followed across rows: rows are read for their (cached) values.
 */
export async function* sheetRowsOf(chunks: AsyncIterable<string>, ctx: SheetContext): AsyncGenerator<SheetRow> {
  const splitter = new RowSplitter(IMPORT_MAX_ROW_CHARS);
  let line = 0;
  const rowOf = (tag: string, fragment: string): SheetRow => {
    const open = fragment.indexOf('>');
    const r = attribute(fragment.slice(tag.length + 1, fragment[open - 1] === '/' ? open - 1 : open), 'r');
    line = r === undefined ? line + 1 : Number(r);
    // a row fragment is a well-formed element: read it with the sheet reader, keeping its own row number
    return { line, cells: parseSheet(r === undefined ? fragment.replace(`<${tag}`, `<${tag} r="${line}"`) : fragment, ctx) };
  };
  for await (const chunk of chunks) {
    for (const piece of splitter.push(chunk)) if (piece.row) yield rowOf(piece.tag, piece.text);
  }
  splitter.end();
}
