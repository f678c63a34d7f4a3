// Formula text comparison that survives re-saving by Excel or LibreOffice: case, $, spaces, sheet quotes, _xlfn. prefixes,
// FALSE() for FALSE.

// a string literal ("" escapes a quote) or a quoted sheet name ('' escapes a quote)
const QUOTED = /("(?:[^"]|"")*"|'(?:[^']|'')*')/;

/** Canonical form of a formula: outside string literals, upper case without $, spaces, sheet-name quotes or _xlfn. */
export const normalizeFormula = (formula: string): string =>
  formula
    .trim()
    .replace(/^=/, '')
    .split(QUOTED)
    .map((part) => {
      if (part.startsWith('"')) return part;
      if (part.startsWith("'")) return part.slice(1, -1).replace(/''/g, "'").toUpperCase();
      // LibreOffice writes the constants TRUE and FALSE as the functions TRUE() and FALSE()
      return part.replace(/[$\s]/g, '').toUpperCase().replace(/_XLFN\.|_XLWS\./g, '').replace(/\b(TRUE|FALSE)\(\)/g, '$1');
    })
    .join('');

export const sameFormula = (a: string, b: string): boolean => a === b || normalizeFormula(a) === normalizeFormula(b);
