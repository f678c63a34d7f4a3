// A filled template without exceljs: the blank template of a definition is written once per process (generate.ts), and a
// filled one is that blank with the written cells, and the formula results they change, replaced in its sheet XML as
// exceljs writes them (strings shared, a formula's text result as t="str", each cell keeping its style). A cell written
// over a merged area goes to the area's top-left cell, as exceljs does. fill-xml.test.ts compares both ways cell by cell.
import { cellsOfRange, columnIndex, formatRange, parseRange, type WorkbookDefinition } from '@portfund/shared-rules';
import { type CellContents, type CellInput, type FormulaInput } from './fill';
import { TEMPLATE_DATE } from './finish';
import { type FormulaResults } from './formula-results';
import { buildZip, deflatedPart, partBytes, partText, type ZipPart } from './zip';

/** A finished template with nothing written over the definition's defaults, kept to fill. */
export interface BlankTemplate {
  readonly bytes: Buffer;
  readonly parts: readonly ZipPart[];
  /** The worksheet part of each sheet, e.g. 現金收支登記簿 → xl/worksheets/sheet2.xml. */
  readonly sheetParts: ReadonlyMap<string, string>;
  /** Every formula's cached result in the blank. */
  readonly results: FormulaResults;
}

type Written = CellInput | FormulaInput;
/** What a cell becomes: a written value, or a template formula with a new cached result. */
type Change = { readonly written: Written } | { readonly result: number | string };

const SHARED_STRINGS = 'xl/sharedStrings.xml';
const ENTITIES: Readonly<Record<string, string>> = { '"': '&quot;', '&': '&amp;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/** exceljs's xmlEncode: the five entities, and the control characters XML cannot hold dropped. */
// eslint-disable-next-line no-control-regex
export const xmlText = (text: string): string => text.replace(/["&'<>\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, (c) => ENTITIES[c] ?? '');

// a sheet's XML is patched as a latin1 string (one character a byte: no UTF-8 decoding of the cash book's 7.6 MB, and
// what is searched for is ASCII); text put into it is encoded the same way
const latin1 = (text: string): string => (/^[ -~]*$/.test(text) ? text : Buffer.from(text, 'utf8').toString('latin1'));
const sheetText = (text: string): string => latin1(xmlText(text));

/** The shared-string table, strings added at its end (an equal string already there is reused, as exceljs does). */
class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly added: string[] = [];
  private count: number;
  private readonly unique: number;

  constructor(private readonly xml: string) {
    let i = 0;
    for (const m of xml.matchAll(/<si>([\s\S]*?)<\/si>/g)) if (!this.index.has(m[1] ?? '')) this.index.set(m[1] ?? '', i++);
    this.unique = i;
    this.count = Number(/<sst[^>]*\bcount="(\d+)"/.exec(xml)?.[1] ?? i);
  }

  add(text: string): number {
    const item = `<t${/^\s|\n|\s$/.test(text) ? ' xml:space="preserve"' : ''}>${xmlText(text)}</t>`;
    this.count += 1;
    const found = this.index.get(item);
    if (found !== undefined) return found;
    const at = this.unique + this.added.length;
    this.index.set(item, at);
    this.added.push(item);
    return at;
  }

  /** A cell that held a shared string no longer does. */
  release(): void {
    this.count -= 1;
  }

  get changed(): boolean {
    return this.added.length > 0 || this.count !== Number(/<sst[^>]*\bcount="(\d+)"/.exec(this.xml)?.[1] ?? this.unique);
  }

  toXml(): string {
    const total = this.unique + this.added.length;
    const head = this.xml.replace(/(<sst[^>]*?\bcount=")\d+("[^>]*?\buniqueCount=")\d+"/, `$1${this.count}$2${total}"`);
    const end = head.lastIndexOf('</sst>');
    if (end < 0) throw new Error('sharedStrings.xml has no </sst>');
    return `${head.slice(0, end)}${this.added.map((t) => `<si>${t}</si>`).join('')}${head.slice(end)}`;
  }
}

const formulaCell = (at: string, style: string, f: string, result: number | string): string =>
  typeof result === 'string' ? `<c r="${at}"${style} t="str">${f}<v>${sheetText(result)}</v></c>` : `<c r="${at}"${style}>${f}<v>${String(result)}</v></c>`;

/** A written cell as exceljs renders it; an empty cell without a style is not written at all. */
const writtenCell = (at: string, style: string, value: Written, strings: SharedStrings): string => {
  if (value === null) return style === '' ? '' : `<c r="${at}"${style}/>`;
  if (typeof value === 'number') return `<c r="${at}"${style}><v>${String(value)}</v></c>`;
  if (typeof value === 'string') return `<c r="${at}"${style} t="s"><v>${strings.add(value)}</v></c>`;
  return formulaCell(at, style, `<f>${sheetText(value.formula)}</f>`, value.result ?? '');
};

interface RowCell {
  readonly col: number;
  readonly xml: string;
}

const CELL = /<c r="([A-Z]+)(\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;

/** One row's cells with the changes applied, in column order. */
const changedRow = (rowXml: string, changes: ReadonlyMap<string, Change>, strings: SharedStrings): RowCell[] => {
  const cells = new Map<string, RowCell>();
  for (const m of rowXml.matchAll(CELL)) {
    const at = `${m[1]}${m[2]}`;
    const change = changes.get(at);
    const col = columnIndex(m[1] ?? '');
    if (change === undefined) {
      cells.set(at, { col, xml: m[0] });
      continue;
    }
    const attrs = m[3] ?? '';
    const style = /\ss="\d+"/.exec(attrs)?.[0] ?? '';
    if (/\st="s"/.test(attrs)) strings.release();
    if ('written' in change) {
      cells.set(at, { col, xml: writtenCell(at, style, change.written, strings) });
    } else {
      const f = /<f[^>]*\/>|<f[^>]*>[\s\S]*?<\/f>/.exec(m[4] ?? '')?.[0];
      if (f === undefined) throw new Error(`fill: ${at} holds no formula to give a result`);
      cells.set(at, { col, xml: formulaCell(at, style, f, change.result) });
    }
  }
  for (const [at, change] of changes) {
    if (cells.has(at)) continue;
    if (!('written' in change)) throw new Error(`fill: no formula cell ${at} in the template`);
    const col = columnIndex(/^[A-Z]+/.exec(at)?.[0] ?? '');
    cells.set(at, { col, xml: writtenCell(at, '', change.written, strings) });
  }
  return [...cells.values()].sort((a, b) => a.col - b.col);
};

/** The row element rebuilt around its cells; its spans (columns from:to) widened to the cells written into it. */
const rowElement = (startTag: string, cells: readonly RowCell[]): string => {
  const written = cells.filter((c) => c.xml !== '');
  const tag = startTag.replace(/\/?>$/, '>');
  const old = /\sspans="(\d+):(\d+)"/.exec(tag);
  const cols = [...written.map((c) => c.col), ...(old === null ? [] : [Number(old[1]), Number(old[2])])];
  const spans = cols.length === 0 ? '' : ` spans="${Math.min(...cols)}:${Math.max(...cols)}"`;
  // exceljs writes spans before x14ac:dyDescent
  const widened = old !== null ? tag.replace(old[0], spans) : tag.replace(/(\sx14ac:dyDescent=|>$)/, `${spans}$1`);
  return `${widened}${written.map((c) => c.xml).join('')}</row>`;
};

/** The merged areas of a sheet's XML: each cell of an area but its top-left, mapped to the top-left. */
const mergeMasters = (xml: string): Map<string, string> => {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<mergeCell ref="([A-Z]+\d+:[A-Z]+\d+)"\/>/g)) {
    const cells = cellsOfRange(m[1] ?? '');
    for (const at of cells.slice(1)) out.set(at, cells[0] ?? at);
  }
  return out;
};

const rowOf = (at: string): number => Number(/\d+$/.exec(at)?.[0] ?? 0);

/** The sheet XML with the changes applied: rows found (or added) in order, the dimension widened to new cells. */
const patchSheetXml = (xml: string, changes: ReadonlyMap<string, Change>, strings: SharedStrings): string => {
  const byRow = new Map<number, Map<string, Change>>();
  for (const [at, change] of changes) {
    const row = rowOf(at);
    let cells = byRow.get(row);
    if (cells === undefined) byRow.set(row, (cells = new Map()));
    cells.set(at, change);
  }
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const dataAt = xml.indexOf('<sheetData');
  if (dataAt < 0) throw new Error('fill: a sheet without <sheetData>');
  let source = xml;
  if (source.startsWith('<sheetData/>', dataAt)) source = `${source.slice(0, dataAt)}<sheetData></sheetData>${source.slice(dataAt + 12)}`;
  const pieces: string[] = [];
  let cursor = 0;
  const ROW_START = /<row r="(\d+)"/g;
  for (const row of rows) {
    const cells = byRow.get(row) ?? new Map<string, Change>();
    const found = source.indexOf(`<row r="${row}"`, Math.max(cursor, dataAt));
    if (found >= 0) {
      const tagEnd = source.indexOf('>', found) + 1;
      const selfClosing = source[tagEnd - 2] === '/';
      const end = selfClosing ? tagEnd : source.indexOf('</row>', tagEnd) + 6;
      pieces.push(source.slice(cursor, found), rowElement(source.slice(found, tagEnd), changedRow(source.slice(tagEnd, end), cells, strings)));
      cursor = end;
      continue;
    }
    // a row the template does not have: before the first row below it, or at the end of the sheet's data
    ROW_START.lastIndex = Math.max(cursor, dataAt);
    let before = -1;
    for (let m = ROW_START.exec(source); m !== null; m = ROW_START.exec(source)) {
      if (Number(m[1]) > row) {
        before = m.index;
        break;
      }
    }
    if (before < 0) before = source.indexOf('</sheetData>', Math.max(cursor, dataAt));
    pieces.push(source.slice(cursor, before), rowElement(`<row r="${row}" x14ac:dyDescent="0.25">`, changedRow('', cells, strings)));
    cursor = before;
  }
  pieces.push(source.slice(cursor));
  return widenDimension(pieces.join(''), [...changes.keys()]);
};

/** The <dimension> of a sheet covers the cells added to it. */
const widenDimension = (xml: string, added: readonly string[]): string => {
  const m = /<dimension ref="([^"]+)"\/>/.exec(xml);
  const b = m === null ? null : parseRange(m[1] ?? '');
  if (m === null || b === null || added.length === 0) return xml;
  let { top, bottom, left, right } = b;
  for (const at of added) {
    const row = rowOf(at);
    const col = columnIndex(/^[A-Z]+/.exec(at)?.[0] ?? '');
    top = Math.min(top, row);
    bottom = Math.max(bottom, row);
    left = Math.min(left, col);
    right = Math.max(right, col);
  }
  return xml.replace(m[0], `<dimension ref="${formatRange({ top, bottom, left, right })}"/>`);
};

/** The blank template of `def` with `contents` written over it, its formulas' cached results those given. */
export const fillBlank = (blank: BlankTemplate, def: WorkbookDefinition, contents: CellContents, results: FormulaResults): Buffer => {
  const changesBySheet = new Map<string, Map<string, Change>>();
  const texts = new Map(blank.parts.map((p) => [p.name, p] as const));
  const sheetXml = new Map<string, string>();
  const xmlOf = (sheet: string): string => {
    const path = blank.sheetParts.get(sheet);
    const part = path === undefined ? undefined : texts.get(path);
    if (part === undefined) throw new Error(`fill: no sheet ${sheet}`);
    let xml = sheetXml.get(sheet);
    if (xml === undefined) sheetXml.set(sheet, (xml = partBytes(part).toString('latin1')));
    return xml;
  };
  const changesOf = (sheet: string): Map<string, Change> => {
    let changes = changesBySheet.get(sheet);
    if (changes === undefined) changesBySheet.set(sheet, (changes = new Map()));
    return changes;
  };
  for (const [sheet, cells] of contents) {
    const masters = mergeMasters(xmlOf(sheet));
    const changes = changesOf(sheet);
    for (const [at, written] of cells) {
      const target = masters.get(at) ?? at;
      // a later write to the same cell wins, as the later assignment does in exceljs
      changes.delete(target);
      changes.set(target, { written });
    }
  }
  for (const sheet of def.sheets) {
    const now = results.get(sheet.name);
    const before = blank.results.get(sheet.name);
    if (now === undefined) continue;
    for (const [at, result] of now) {
      if (result === before?.get(at) || changesBySheet.get(sheet.name)?.has(at) === true) continue;
      changesOf(sheet.name).set(at, { result });
    }
  }
  const stringsPart = texts.get(SHARED_STRINGS);
  if (stringsPart === undefined) throw new Error('fill: the template has no shared strings');
  const strings = new SharedStrings(partText(stringsPart));
  const patched = new Map<string, string>();
  for (const [sheet, changes] of changesBySheet) {
    if (changes.size === 0) continue;
    const path = blank.sheetParts.get(sheet) ?? '';
    patched.set(path, patchSheetXml(xmlOf(sheet), changes, strings));
  }
  if (strings.changed) patched.set(SHARED_STRINGS, strings.toXml());
  const parts = blank.parts.map((part) => {
    const xml = patched.get(part.name);
    if (xml === undefined) return part;
    return deflatedPart(part.name, part.name === SHARED_STRINGS ? xml : Buffer.from(xml, 'latin1'));
  });
  return buildZip(parts, TEMPLATE_DATE);
};
