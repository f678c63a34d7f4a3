// One worksheet's cells: values as shown (shared strings resolved, booleans, errors, date-formatted numbers as dates)
// and formula texts (shared formulas translated to each cell), keyed by A1 address.
import { address, columnIndex, parseAddress, serialToIsoDate, type CellValue, type SnapshotCell } from '@portfund/shared-rules';
import { slideFormula } from './shared-formula';
import { attribute, decodeEntities, scanXml, XmlError } from './xml';

export interface SheetContext {
  readonly sharedStrings: readonly string[];
  readonly dateStyles: readonly boolean[];
  readonly date1904: boolean;
}

interface SharedMaster {
  readonly formula: string;
  readonly at: { row: number; col: number };
}

export const parseSheet = (xml: string, ctx: SheetContext): Map<string, SnapshotCell> => {
  const cells = new Map<string, SnapshotCell>();
  const masters = new Map<string, SharedMaster>();
  let row = 0;
  let col = 0;
  // the cell being read
  let cellRef = '';
  let cellType = '';
  let cellStyle = -1;
  let value: string | null = null;
  let formula: string | null = null;
  let formulaAttrs = '';
  let inlineText: string | null = null;
  let reading: 'v' | 'f' | 't' | null = null;
  let text = '';

  const finishCell = (): void => {
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
    if (f !== null && f !== '') cells.set(cellRef, { v, f });
    else if (v !== null) cells.set(cellRef, { v });
  };

  scanXml(xml, {
    open(tag, raw, selfClosing) {
      if (tag === 'row') {
        const r = attribute(raw, 'r');
        row = r === undefined ? row + 1 : Number(r);
        col = 0;
      } else if (tag === 'c') {
        const r = attribute(raw, 'r');
        // Excel writes r="B7"; a cell without r (allowed) takes the next column of its row
        if (r !== undefined && /^[A-Z]{1,3}\d{1,7}$/.test(r)) {
          cellRef = r;
          col = columnIndex(r.replace(/\d+$/, ''));
        } else {
          const at = r === undefined ? null : parseAddress(r);
          col = at === null ? col + 1 : at.col;
          cellRef = address(at?.row ?? row, col);
        }
        cellType = attribute(raw, 't') ?? 'n';
        const s = attribute(raw, 's');
        cellStyle = s === undefined ? -1 : Number(s);
        value = null;
        formula = null;
        formulaAttrs = '';
        inlineText = null;
        if (selfClosing) finishCell();
      } else if (tag === 'v' || tag === 'f') {
        reading = tag;
        text = '';
        if (tag === 'f') {
          formulaAttrs = raw;
          formula = '';
        }
        if (selfClosing) reading = null;
      } else if (tag === 'is') inlineText = '';
      else if (tag === 't' && inlineText !== null) {
        reading = 't';
        text = '';
      } else if (tag === 'rPh') reading = null;
    },
    close(tag) {
      if (tag === 'v' && reading === 'v') value = decodeEntities(text);
      else if (tag === 'f' && reading === 'f') formula = decodeEntities(text);
      else if (tag === 't' && reading === 't' && inlineText !== null) inlineText += decodeEntities(text);
      if (tag === 'v' || tag === 'f' || tag === 't') reading = null;
      if (tag === 'c') finishCell();
    },
    text(raw) {
      if (reading !== null) text += raw;
    },
  });
  return cells;
};

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

type SheetRow = { readonly line: number; readonly cells: Map<string, SnapshotCell> };

const ROW_START = /<(?:[A-Za-z_][\w.-]*:)?row[\s>/]/;

/**
 * The rows of a sheet one at a time as its XML arrives in chunks (large registry imports): each complete <row>
 * element is read on its own and dropped, so only the row being read and one chunk are held, never the whole sheet.
 * Shared formulas are not followed across rows: rows are read for their (cached) values.
 */
export async function* sheetRowsOf(chunks: AsyncIterable<string>, ctx: SheetContext): AsyncGenerator<SheetRow> {
  const start = new RegExp(ROW_START.source, 'g');
  let buffer = '';
  let line = 0;
  for await (const chunk of chunks) {
    buffer += chunk;
    let consumed = 0;
    let pending = -1;
    start.lastIndex = 0;
    for (let m = start.exec(buffer); m !== null; m = start.exec(buffer)) {
      const open = buffer.indexOf('>', m.index);
      const tag = m[0].slice(1, -1);
      const selfClosing = open >= 0 && buffer[open - 1] === '/';
      const close = open < 0 ? -1 : selfClosing ? open + 1 : buffer.indexOf(`</${tag}>`, open);
      if (close < 0) {
        pending = m.index;
        break;
      }
      const end = selfClosing ? close : close + tag.length + 3;
      const r = attribute(buffer.slice(m.index + tag.length + 1, open), 'r');
      line = r === undefined ? line + 1 : Number(r);
      const fragment = buffer.slice(m.index, end);
      consumed = end;
      start.lastIndex = end;
      // a row fragment is a well-formed element: read it with the sheet reader, keeping its own row number
      yield { line, cells: parseSheet(r === undefined ? fragment.replace(`<${tag}`, `<${tag} r="${line}"`) : fragment, ctx) };
    }
    if (pending < 0) {
      // no unfinished row: keep only a tag the chunk may have cut ("<ro"), from the last '<'
      const lt = buffer.lastIndexOf('<');
      pending = lt < consumed ? buffer.length : lt;
    }
    buffer = buffer.slice(pending);
  }
  if (new RegExp(ROW_START.source).test(buffer)) throw new XmlError('unterminated row');
}
