// A row of the units import: the path 目的機關 > 運用單位 > 志工隊 > 志工小隊 (seed 003 志工隊管理: 「志工隊必須隸屬於運用單位」,
// 「志工小隊必須隸屬於志工隊」), so a level may be given only with the levels above it.
import { type RowReader } from '../cells';
import { type UnitRecord } from '../records';

export const readUnitRow = (r: RowReader): UnitRecord | null => {
  const agency = r.text('agency', 100);
  const operator = r.text('operator', 100);
  const team = r.text('team', 100);
  const squad = r.text('squad', 100);
  // 「>」 separates a path when a unit is named in other imports, so no name may contain it
  for (const [key, name] of [['agency', agency], ['operator', operator], ['team', team], ['squad', squad]] as const) {
    if (name !== null && name.normalize('NFKC').includes('>')) r.report('cell.type', key, { actual: name, expectedType: 'type.unit_name' });
  }
  if (team !== null && operator === null) r.report('cell.required', 'operator', { actual: '' });
  if (squad !== null && team === null) r.report('cell.required', 'team', { actual: '' });
  return agency === null || !r.valid ? null : { agency, operator, team, squad };
};

export const unitKey = (u: UnitRecord): string => [u.agency, u.operator, u.team, u.squad].filter((s) => s !== null).map((s) => s.normalize('NFKC')).join('>');
