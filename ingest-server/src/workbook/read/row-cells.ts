// The fast path of the sheet reader: a <row> element as Excel, LibreOffice and exceljs write it — cells with at most a
// <f> and a <v> child, no whitespace, comments or inline strings — cut into its cells' raw attributes and texts with
// plain index searches, without the general scanner's per-tag work. Anything else (or anything malformed) is left to
// the general scanner, which reads it the same way or refuses it with its error: this scan only says "not mine".
import { hasNonXmlChar, tagEnd, XmlError } from './xml';

/** The pieces of the row last scanned; reused from row to row (a cash book has tens of thousands of rows). */
export class RowPieces {
  /** The <row> element's raw attributes. */
  attrs = '';
  count = 0;
  /** Per cell: the <c> element's raw attributes. */
  readonly cellAttrs: string[] = [];
  /** Per cell: the raw text of its last <v> (null: none, or only <v/>). */
  readonly values: (string | null)[] = [];
  /** Per cell: the raw text of its last <f> ('' for <f/>; null: none). */
  readonly formulas: (string | null)[] = [];
  /** Per cell: the raw attributes of its last <f>. */
  readonly formulaAttrs: string[] = [];

  /** Cuts a whole <row> element into its cells; false when it is not in the plain form this path reads. */
  scan(text: string): boolean {
    try {
      return this.scanRow(text);
    } catch (error) {
      // an unterminated tag: the general scanner reports it
      if (error instanceof XmlError) return false;
      throw error;
    }
  }

  private scanRow(text: string): boolean {
    if (!text.startsWith('<row') || hasNonXmlChar(text)) return false;
    const head = startTag(text, 0, 4);
    if (head === null) return false;
    this.attrs = head.attrs;
    this.count = 0;
    if (head.selfClosing) return head.end === text.length;
    let pos = head.end;
    const last = text.length - 6;
    while (pos < last) {
      if (text.charCodeAt(pos) !== 60 /* < */ || text.charCodeAt(pos + 1) !== 99 /* c */) return false;
      const cell = startTag(text, pos, 2);
      if (cell === null) return false;
      const k = this.count;
      this.count += 1;
      this.cellAttrs[k] = cell.attrs;
      this.values[k] = null;
      this.formulas[k] = null;
      this.formulaAttrs[k] = '';
      pos = cell.selfClosing ? cell.end : this.scanChildren(text, cell.end, k);
      if (pos < 0) return false;
    }
    return pos === last && text.startsWith('</row>', pos);
  }

  /** The <f> and <v> children of cell k up to just past its </c>; -1 for anything else. */
  private scanChildren(text: string, from: number, k: number): number {
    let pos = from;
    for (;;) {
      if (text.charCodeAt(pos) !== 60 /* < */) return -1;
      if (text.startsWith('</c>', pos)) return pos + 4;
      const name = text.charCodeAt(pos + 1);
      if (name !== 102 /* f */ && name !== 118 /* v */) return -1;
      const child = startTag(text, pos, 2);
      if (child === null) return -1;
      let raw: string | null = null;
      pos = child.end;
      if (!child.selfClosing) {
        const close = text.indexOf('<', pos);
        if (close < 0 || !text.startsWith(name === 102 ? '</f>' : '</v>', close)) return -1;
        raw = text.slice(pos, close);
        pos = close + 4;
      }
      if (name === 102) {
        this.formulas[k] = raw ?? '';
        this.formulaAttrs[k] = child.attrs;
      } else if (raw !== null) this.values[k] = raw;
    }
  }
}

interface StartTag {
  readonly attrs: string;
  readonly selfClosing: boolean;
  /** Just past the tag's '>'. */
  readonly end: number;
}

/** The start tag at `at` whose name is `nameLength` characters after the '<' (followed by a space, '>' or '/'). */
const startTag = (text: string, at: number, nameLength: number): StartTag | null => {
  const after = text.charCodeAt(at + nameLength);
  if (after !== 32 && after !== 62 && after !== 47) return null;
  const gt = tagEnd(text, at + 1);
  const selfClosing = text.charCodeAt(gt - 1) === 47;
  // as the general scanner hands them over: what follows the name and its space, without a self-closing '/'
  const attrs = after === 32 ? text.slice(at + nameLength + 1, selfClosing ? gt - 1 : gt) : '';
  if (after === 47 && !selfClosing) return null;
  return { attrs, selfClosing, end: gt + 1 };
};
