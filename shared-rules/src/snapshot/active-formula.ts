// Formulas that reach outside the workbook when a reviewer opens it: DDE (=cmd|'/c calc'!A0), functions that call the
// network or native code, references to other workbooks, HYPERLINK to anything but http(s)/mailto. None is in a template.
export type ActiveFormula =
  | { readonly what: 'dde' }
  | { readonly what: 'external_reference' }
  | { readonly what: 'function'; readonly function: string }
  | { readonly what: 'hyperlink'; readonly target: string };

// WEBSERVICE/FILTERXML fetch and parse URLs; CALL/REGISTER(.ID)/EXEC run code (XLM); the rest read other files or apps
const ACTIVE_FUNCTIONS = ['WEBSERVICE', 'FILTERXML', 'CALL', 'REGISTER.ID', 'REGISTER', 'EXEC', 'RTD', 'DDE', 'DDEAUTO', 'SQL.REQUEST', 'IMAGE'];
const FUNCTION_CALL = new RegExp(`(?:^|[^A-Za-z0-9_.])(?:_xlfn\\.|_xll\\.)?(${ACTIVE_FUNCTIONS.map((f) => f.replace('.', '\\.')).join('|')})\\s*\\(`, 'i');
// [1]Sheet!A1, [1]!name, '[x.xlsx]Sheet'!A1, [x.xlsx]Sheet!A1 (a structured reference Table1[Col] has no "!" after it)
const EXTERNAL_REFERENCE = /\[[^\]]*\][^\s!'"()+\-*/,;=<>&^%[\]]*'?!/;
const HYPERLINK_CALL = /(?:^|[^A-Za-z0-9_.])HYPERLINK\s*\(\s*/gi;
const SAFE_LINK = /^(https?:\/\/|mailto:)/i;

/** The formula with its string literals ("…", doubled quotes inside) emptied, so their text cannot look like code. */
const withoutStrings = (formula: string): string => formula.replace(/"(?:[^"]|"")*"/g, '""');
/** …and quoted sheet names ('…') emptied too. */
const withoutQuoted = (formula: string): string => withoutStrings(formula).replace(/'(?:[^']|'')*'/g, "''");

/** The first argument of each HYPERLINK call: a string literal, or null when it is computed (and so cannot be vetted). */
const hyperlinkTargets = (formula: string): (string | null)[] => {
  const out: (string | null)[] = [];
  HYPERLINK_CALL.lastIndex = 0;
  for (let m = HYPERLINK_CALL.exec(formula); m !== null; m = HYPERLINK_CALL.exec(formula)) {
    const rest = formula.slice(m.index + m[0].length);
    const literal = /^"((?:[^"]|"")*)"\s*[,)]/.exec(rest);
    out.push(literal === null ? null : (literal[1] ?? '').replace(/""/g, '"'));
  }
  return out;
};

const HYPERLINK = /HYPERLINK/i;

/**
 * Whether the formula cannot be active, judged on its text as it is: without "|", "[", an active function call or
 * HYPERLINK anywhere (strings included) none of the tests below can match, since emptying strings and quoted names keeps
 * their delimiters and so every character next to a token. Most formulas (a cash book's running balances) end here.
 */
const plainlyInactive = (formula: string): boolean =>
  !formula.includes('|') && !formula.includes('[') && !FUNCTION_CALL.test(formula) && !HYPERLINK.test(formula);

/** What makes a formula (without its leading "=") active, or null for an ordinary formula. */
export const activeFormula = (formula: string): ActiveFormula | null => {
  if (plainlyInactive(formula)) return null;
  const bare = withoutQuoted(formula);
  // "|" is no Excel operator: outside strings and quoted names it is only ever DDE's application|topic
  if (bare.includes('|')) return { what: 'dde' };
  const call = FUNCTION_CALL.exec(bare);
  if (call !== null) return { what: 'function', function: (call[1] ?? '').toUpperCase() };
  if (EXTERNAL_REFERENCE.test(withoutStrings(formula))) return { what: 'external_reference' };
  for (const target of hyperlinkTargets(formula)) {
    if (target === null || !SAFE_LINK.test(target.trim())) return { what: 'hyperlink', target: target ?? '' };
  }
  return null;
};
