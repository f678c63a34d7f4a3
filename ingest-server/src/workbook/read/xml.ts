// A small, strict XML scanner for the parts of an .xlsx the checker reads (well-formed OOXML written by Excel,
// LibreOffice or exceljs). It reports tags (local names, namespace prefixes dropped) and text; malformed input throws.

export interface XmlHandlers {
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  text(raw: string): void;
}

export class XmlError extends Error {}

const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the five named entities and numeric character references. */
export const decodeEntities = (raw: string): string => {
  if (raw.indexOf('&') < 0) return raw;
  // formulas are full of &quot;: plain replaceAll is several times faster than a regex with a callback
  if (raw.indexOf('&#') < 0) {
    return raw.replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&apos;', "'").replaceAll('&amp;', '&');
  }
  return raw.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return safeCodePoint(parseInt(ref.slice(2), 16), whole);
    if (ref.startsWith('#')) return safeCodePoint(parseInt(ref.slice(1), 10), whole);
    return NAMED[ref] ?? whole;
  });
};

/** XML 1.0 Char: tab, line feed, carriage return and U+0020 up, without surrogates, U+FFFE and U+FFFF. */
const isXmlChar = (cp: number): boolean =>
  cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);

// a reference to U+0000 or another non-character makes the document not well-formed (and PostgreSQL text refuses NUL)
const safeCodePoint = (cp: number, fallback: string): string => {
  if (!Number.isInteger(cp)) return fallback;
  if (!isXmlChar(cp)) throw new XmlError(`character reference to U+${cp.toString(16).toUpperCase().padStart(4, '0')}`);
  return String.fromCodePoint(cp);
};

/**
 * Excel's escapes in cell text (ECMA-376 ST_Xstring): _x000D_ is a carriage return, _x000B_ the line break Word pastes.
 * Those XML cannot hold at all (U+0000, most control characters) are dropped: real files carry them, so no refusal.
 */
export const decodeXstring = (text: string): string =>
  text.indexOf('_x') < 0
    ? text
    : text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => {
        const cp = parseInt(hex, 16);
        return isXmlChar(cp) ? String.fromCharCode(cp) : '';
      });

// control characters (other than tab and line breaks) and U+FFFE/U+FFFF are not allowed anywhere in an XML document
// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

const localName = (qualified: string): string => {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
};

/** The attributes of a tag as a map (local names, decoded values). */
export const attributes = (attrs: string): Map<string, string> => {
  const out = new Map<string, string>();
  const re = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(attrs); m !== null; m = re.exec(attrs)) out.set(localName(m[1] ?? ''), decodeEntities(m[2] ?? m[3] ?? ''));
  return out;
};

/** One attribute without building a map (the hot path of sheet cells). */
export const attribute = (attrs: string, name: string): string | undefined => {
  const at = attrs.indexOf(`${name}=`);
  if (at < 0) return undefined;
  // the name must start the attribute (not be the tail of another, e.g. r= inside xr:uid=)
  const before = at === 0 ? ' ' : attrs[at - 1];
  if (before !== ' ' && before !== '\t' && before !== '\n' && before !== '\r') return attributes(attrs).get(name);
  const quote = attrs[at + name.length + 1];
  if (quote !== '"' && quote !== "'") return undefined;
  const end = attrs.indexOf(quote, at + name.length + 2);
  return end < 0 ? undefined : decodeEntities(attrs.slice(at + name.length + 2, end));
};

/** Scans a whole document; throws XmlError on anything that is not well-formed enough to read safely. */
export const scanXml = (xml: string, h: XmlHandlers): void => {
  if (hasNonXmlChar(xml)) throw new XmlError('character not allowed in XML');
  const stack: string[] = [];
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      if (stack.length > 0) h.text(xml.slice(i));
      break;
    }
    if (lt > i && stack.length > 0) h.text(xml.slice(i, lt));
    const next = xml.charCodeAt(lt + 1);
    if (next === 63 /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) throw new XmlError('unterminated processing instruction');
      i = end + 2;
    } else if (next === 33 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end < 0) throw new XmlError('unterminated comment');
        i = end + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end < 0) throw new XmlError('unterminated CDATA');
        // CDATA is literal text: escape & so the handler's entity decoding leaves it as is
        h.text(xml.slice(lt + 9, end).replace(/&/g, '&amp;'));
        i = end + 3;
      } else {
        // a DOCTYPE has no place in OOXML (and could declare entities): refuse it
        throw new XmlError('unexpected declaration');
      }
    } else if (next === 47 /* / */) {
      const end = xml.indexOf('>', lt + 2);
      if (end < 0) throw new XmlError('unterminated end tag');
      const name = localName(xml.slice(lt + 2, end).trim());
      if (stack.pop() !== name) throw new XmlError(`mismatched end tag ${name}`);
      h.close(name);
      i = end + 1;
    } else {
      const end = tagEnd(xml, lt + 1);
      const selfClosing = xml.charCodeAt(end - 1) === 47;
      const body = xml.slice(lt + 1, selfClosing ? end - 1 : end);
      const space = body.search(/[\s]/);
      const name = localName(space < 0 ? body : body.slice(0, space));
      if (name === '') throw new XmlError('empty tag name');
      h.open(name, space < 0 ? '' : body.slice(space + 1), selfClosing);
      if (selfClosing) h.close(name);
      else stack.push(name);
      i = end + 1;
    }
  }
  if (stack.length > 0) throw new XmlError(`unclosed element ${stack[stack.length - 1] ?? ''}`);
};

/** Whether the text holds a character no XML document may contain (scanXml refuses the whole document then). */
export const hasNonXmlChar = (xml: string): boolean => NOT_XML_CHAR.test(xml);

/** The index of the '>' closing a start tag, skipping '>' inside quoted attribute values. */
export const tagEnd = (xml: string, from: number): number => {
  let quote = 0;
  for (let i = from; i < xml.length; i += 1) {
    const c = xml.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i;
  }
  throw new XmlError('unterminated start tag');
};
