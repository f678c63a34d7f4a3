// The structure fingerprint (SPEC §3): a hash over defined names, locked labels, formulas and validations,
// so the server can tell an intact template from an edited one without trusting the sheet password.
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { type WorkbookDefinition } from './types';
import { definedNames } from './names';
import { renderedFormula } from './rendered';

const cache = new WeakMap<WorkbookDefinition, string>();

/** The canonical text the fingerprint hashes; stable across runs and platforms. */
export const structureText = (def: WorkbookDefinition): string => {
  const lines: string[] = [`kind=${def.kind}`, `version=${def.version}`];
  for (const [name, target] of definedNames(def)) lines.push(`name ${name}=${target.sheet}!${target.ref}`);
  for (const sheet of def.sheets) {
    lines.push(`sheet ${sheet.name}`);
    for (const [at, spec] of sheet.cells) {
      if (spec.kind === 'label') lines.push(`L ${at}=${spec.text}`);
      else if (spec.kind === 'formula') lines.push(`F ${at}=${renderedFormula(def, sheet.name, at)}`);
      else if (spec.kind === 'forbidden') lines.push(`X ${at}`);
    }
  }
  for (const v of def.validations) lines.push(`V ${v.sheet}!${v.sqref} ${v.type} ${v.operator ?? ''} ${v.formula.join(',')}`);
  return lines.join('\n');
};

export const fingerprint = (def: WorkbookDefinition): string => {
  const hit = cache.get(def);
  if (hit !== undefined) return hit;
  const value = bytesToHex(sha256(utf8ToBytes(structureText(def))));
  cache.set(def, value);
  return value;
};
