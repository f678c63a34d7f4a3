// import.unknown_unit: a unit written in a row must exist in the importing local government's hierarchy (seed 003;
// SPEC §8). A name may be a path 「目的機關 > 運用單位」 where two units share a name.
import { type RowReader } from '../cells';
import { type UnitPlacement } from '../records';
import { type UnitLevel } from '../units';
import { type ImportContext } from './context';

const unknown = (r: RowReader, key: string, name: string, candidates: readonly string[]): void => {
  // two units of that name: ask for the path instead of guessing one (the first path is the example and the expected value)
  const example = candidates.length > 1 ? candidates[0] : undefined;
  r.report('import.unknown_unit', key, example === undefined ? { actual: name } : { actual: name, expected: example, detail: 'unit.ambiguous', count: candidates.length });
};

/** A unit of any level, or the 主管機關 itself (null); undefined when offline or unknown (then reported). */
export const resolveUnitCell = (r: RowReader, key: string, text: string | null, ctx: ImportContext): { unitId?: number | null } | null => {
  if (text === null) return null;
  if (ctx.units === undefined) return {};
  const found = ctx.units.resolve(text);
  if (found.ok) return { unitId: found.unitId };
  unknown(r, key, text, found.candidates);
  return null;
};

const LOWER_LEVELS: readonly { readonly level: UnitLevel; readonly key: string }[] = [
  { level: 'team', key: 'team' },
  { level: 'squad', key: 'squad' },
];

/** 運用單位 (name or path) and the optional 志工隊 / 志工小隊 below it; with createUnits missing teams are created. */
export const placeVolunteer = (r: RowReader, operator: string, lower: readonly (string | null)[], ctx: ImportContext): UnitPlacement | null => {
  const names = [operator, ...lower.filter((n): n is string => n !== null)];
  const units = ctx.units;
  if (units === undefined) return { names };
  const op = units.resolve(operator, ['operator']);
  if (!op.ok || op.unitId === null) {
    unknown(r, 'operator', operator, op.ok ? [] : op.candidates);
    return null;
  }
  let current = op.unitId;
  const create: { level: UnitLevel; name: string }[] = [];
  for (const [i, { level, key }] of LOWER_LEVELS.entries()) {
    const name = lower[i] ?? null;
    if (name === null) break;
    const found = create.length === 0 ? units.child(current, name) : undefined;
    if (found !== undefined) {
      current = found.id;
      continue;
    }
    if (ctx.createUnits === true) {
      create.push({ level, name });
      continue;
    }
    unknown(r, key, names.slice(0, i + 2).join(' > '), []);
    return null;
  }
  return { names, unitId: current, ...(create.length > 0 ? { create } : {}) };
};
