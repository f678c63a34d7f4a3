// Formula text comparison that survives re-saving by Excel or LibreOffice: case, $, spaces, sheet quotes, _xlfn. prefixes.

/** Canonical form of a formula: outside string literals, upper case without $, spaces, sheet-name quotes or _xlfn. */
export const normalizeFormula = (formula: string): string => {
  const text = formula.trim().replace(/^=/, '');
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (ch === '"') {
      // copy a string literal verbatim ("" is an escaped quote)
      let j = i + 1;
      while (j < text.length) {
        if (text[j] === '"' && text[j + 1] === '"') j += 2;
        else if (text[j] === '"') break;
        else j += 1;
      }
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (ch === "'") {
      // a quoted sheet name: keep the name, drop the quotes
      let j = i + 1;
      while (j < text.length && !(text[j] === "'" && text[j + 1] !== "'")) j += text[j] === "'" ? 2 : 1;
      out += text.slice(i + 1, j).replace(/''/g, "'").toUpperCase();
      i = j + 1;
    } else {
      if (ch !== '$' && ch !== ' ' && ch !== '\n' && ch !== '\r' && ch !== '\t') out += ch.toUpperCase();
      i += 1;
    }
  }
  return out.replace(/_XLFN\.|_XLWS\./g, '');
};

export const sameFormula = (a: string, b: string): boolean => normalizeFormula(a) === normalizeFormula(b);
