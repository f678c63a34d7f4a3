// recon.union_name_mismatch: the workbook's union name is the registered one (SPEC §6 registry), compared as people
// read it — NFKC (full-width letters and spaces), no spaces at all — and only warned about, never rewritten.
import { APP_SHEETS, APP_UNION_NAME_CELL, CB_CELLS, CB_SHEET, makeFinding, type Location } from '@portfund/shared-rules';
import { type ReconCheck } from './context';

// 台 and 臺 are the same character in names (臺 is the official form)
const comparable = (name: string): string => name.normalize('NFKC').replace(/\s+/gu, '').replace(/台/gu, '臺');

const NAME_CELL: Readonly<Record<'application' | 'cashbook', Location>> = {
  application: { sheet: APP_SHEETS.basic, cell: APP_UNION_NAME_CELL, field: 'app_union_name' },
  cashbook: { sheet: CB_SHEET, cell: CB_CELLS.unionName, field: 'cb_union_name' },
};

export const unionNameMismatch: ReconCheck = async (ctx, filing) => {
  const written = filing.meta.unionName;
  // a blank name is the workbook's cell.required
  if (typeof written !== 'string' || written.trim() === '') return [];
  const registered = await ctx.organizationName(filing.union_id);
  if (registered === undefined || comparable(written) === comparable(registered)) return [];
  return [makeFinding('recon.union_name_mismatch', NAME_CELL[filing.kind], { actual: written, expected: registered })];
};
