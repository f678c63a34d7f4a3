// Formula texts already read in this process, by their XML text: the check worker reads workbook after workbook of the
// same few templates (a cash book has 18,000 formulas), so from the second on a formula is one lookup instead of
// decoding its entities and scanning it for active content, and every snapshot shares the same strings (less to
// collect, and template.structure's comparison with a remembered text is then one pointer). Turned on by long-lived
// processes only: a single check gains nothing and would keep the texts.

/** Characters kept at most, keys and texts (≤ 48 MB): the formulas of ~3 cash books of the default 3,000 rows. */
const MAX_CHARS = 24_000_000;

const known = new Map<string, string>();
let chars = 0;
let enabled = false;

/** Remembers formulas from now on (the check worker); off again forgets them. */
export const rememberFormulas = (on: boolean): void => {
  enabled = on;
  if (!on) forget();
};

const forget = (): void => {
  known.clear();
  chars = 0;
};

/**
 * A copy of `text` that does not hold the string it was cut from: a formula's XML text is a slice of a whole row
 * (V8 keeps the row alive for it). Slicing a concatenation makes V8 write the concatenation out first.
 */
const own = (text: string): string => `\u0000${text}`.slice(1);

/** The text of a formula this process read before and found free of active content, by its XML text. */
export const rememberedFormula = (raw: string): string | undefined => (enabled ? known.get(raw) : undefined);

/**
 * Remembers the text of a formula found free of active content (only such: a remembered formula is not scanned again);
 * returns the text to keep in the snapshot, the remembered copy when there is one.
 */
export const rememberFormula = (raw: string, text: string): string => {
  if (!enabled || text === '') return text;
  if (chars + raw.length + text.length > MAX_CHARS) forget();
  const key = own(raw);
  // a text with entities was decoded into a string of its own; one without is the XML text itself
  const kept = text === raw ? key : text;
  known.set(key, kept);
  chars += raw.length + (kept === key ? 0 : text.length);
  return kept;
};
