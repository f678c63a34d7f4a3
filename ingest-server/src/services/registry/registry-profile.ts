// The registry's side of a union for reconciliation (SPEC §6 registry, §8 unions): its name and 會員合計 as last
// imported. services/reconcile compares them with an application's 工會名稱 and 會員人數 (app_members).
import { type Knex } from 'knex';

export interface RegistryProfile {
  readonly unionId: number;
  readonly ubn: string;
  /** 工會名稱 as the registry import recorded it. */
  readonly name: string;
  /** 會員合計 (null when the import left it blank). */
  readonly membersTotal: number | null;
  readonly membersMale: number | null;
  readonly membersFemale: number | null;
  readonly unionType: string | null;
  /** When the profile last changed, and the import run that changed it. */
  readonly updatedAt: string;
  readonly importRunId: number | null;
}

interface ProfileRow {
  union_id: number;
  ubn: string;
  name: string;
  members_total: number | null;
  members_male: number | null;
  members_female: number | null;
  union_type: string | null;
  updated_at: Date | string;
  last_run_id: number | null;
}

/** The union's registry profile, or null when no union basic-data import has covered it. Takes a transaction or the db. */
export const registryProfile = async (db: Knex, unionId: number): Promise<RegistryProfile | null> => {
  const row = await db('union_profiles')
    .where('union_id', unionId)
    .first<ProfileRow | undefined>('union_id', 'ubn', 'name', 'members_total', 'members_male', 'members_female', 'union_type', 'updated_at', 'last_run_id');
  if (row === undefined) return null;
  return {
    unionId: row.union_id,
    ubn: row.ubn,
    name: row.name,
    membersTotal: row.members_total,
    membersMale: row.members_male,
    membersFemale: row.members_female,
    unionType: row.union_type,
    updatedAt: new Date(row.updated_at).toISOString(),
    importRunId: row.last_run_id,
  };
};
