// recon.registry_members: the application's 會員人數 against the registry's 會員合計 from the union basic-data import
// (issue "imports" §3 registry links) — a warning: membership changes between the import and the application happen.
import { APP_SHEETS, makeFinding } from '@portfund/shared-rules';
import { type ReconCheck } from './context';

export const registryMembers: ReconCheck = async (ctx, filing) => {
  const members = filing.meta.members;
  if (typeof members !== 'number') return [];
  const registered = await ctx.registryMembers(filing.union_id);
  if (registered === null || registered === members) return [];
  return [makeFinding('recon.registry_members', { sheet: APP_SHEETS.basic, cell: 'B16', field: 'app_members' }, { actual: members, expected: registered })];
};
