// The structure fingerprint (SPEC §3): a hash over defined names, locked labels, formulas and validations,
// so the server can tell an intact template from an edited one without trusting the sheet password.
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { type WorkbookDefinition } from './types';
import { definedNames } from './names';
import { render } from './expr';

const cache = new WeakMap<WorkbookDefinition, string>();

/**
 * SHA-256 of the UTF-8 bytes of the lines joined by "\n", as lower-case hex. The lines come one at a time, so a native
 * hash can take them in batches and never hold all of them (a 20,000-row cash book has 120,000 formula lines).
 */
export type Sha256Hex = (lines: Iterable<string>) => string;

const pureSha256: Sha256Hex = (lines) => bytesToHex(sha256(utf8ToBytes([...lines].join('\n'))));
let sha256Hex: Sha256Hex = pureSha256;

/**
 * Where the platform has a native SHA-256 (node:crypto on the server and in the CLI), it is handed in here: the same
 * digest as the pure one (the add-in keeps that), several times faster on the ~2 MB text of a large cash book.
 */
export const useSha256 = (hash: Sha256Hex): void => {
  sha256Hex = hash;
};

/** The key of a definition among precomputed fingerprints: kind, version and table sizes. */
export const fingerprintKey = (def: WorkbookDefinition): string => `${def.kind}|${def.version}|${def.options.entryRows}|${def.options.rosterRows}`;

let known: Readonly<Record<string, string>> = {};

/**
 * Fingerprints worked out in advance from these very sources (`npm run build` puts those of every version at the default
 * sizes into the bundles), by fingerprintKey: a usual workbook's check then renders no formula to hash it.
 */
export const useKnownFingerprints = (fingerprints: Readonly<Record<string, string>>): void => {
  known = fingerprints;
};

/**
 * The text render() writes for the formula of a cell, when the caller already holds it: a stored formula the checker
 * proved equal to the rendering (render-match.ts) need not be rendered again (~0.4 s for a 5,000-row cash book).
 */
export type KnownFormulaText = (sheet: string, cell: string) => string | undefined;

/**
 * The lines of the canonical text the fingerprint hashes, one at a time; stable across runs and platforms. Formulas
 * are rendered as they are hashed and not kept (the checker compares stored formulas without their rendered text).
 */
function* structureLines(def: WorkbookDefinition, known?: KnownFormulaText): Generator<string> {
  yield `kind=${def.kind}`;
  yield `version=${def.version}`;
  for (const [name, target] of definedNames(def)) yield `name ${name}=${target.sheet}!${target.ref}`;
  for (const sheet of def.sheets) {
    yield `sheet ${sheet.name}`;
    for (const [at, spec] of sheet.cells) {
      if (spec.kind === 'label') yield `L ${at}=${spec.text}`;
      else if (spec.kind === 'formula') yield `F ${at}=${known?.(sheet.name, at) ?? render(spec.expr, sheet.name)}`;
      else if (spec.kind === 'forbidden') yield `X ${at}`;
    }
  }
  for (const v of def.validations) yield `V ${v.sheet}!${v.sqref} ${v.type} ${v.operator ?? ''} ${v.formula.join(',')}`;
}

/** The canonical text the fingerprint hashes. */
export const structureText = (def: WorkbookDefinition, formulaText?: KnownFormulaText): string => [...structureLines(def, formulaText)].join('\n');

/** Whether the fingerprint is at hand without hashing (worked out in advance or already once in this process). */
export const hasFingerprint = (def: WorkbookDefinition): boolean => cache.has(def) || known[fingerprintKey(def)] !== undefined;

/** The definition's fingerprint; `formulaText` may supply formula texts already known to be their rendering. */
export const fingerprint = (def: WorkbookDefinition, formulaText?: KnownFormulaText): string => {
  const hit = cache.get(def) ?? known[fingerprintKey(def)];
  if (hit !== undefined) return hit;
  const value = sha256Hex(structureLines(def, formulaText));
  cache.set(def, value);
  return value;
};
