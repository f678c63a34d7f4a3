// What a row check may know beyond the row: today, and — on the server — the registry (units, unions, officers,
// volunteers' records).
// Offline (the CLI) none of the registry is known and the checks that need it are skipped.
import { type StoredOfficer } from '../../rules/officer/leader-count';
import { type VolunteerFacts } from '../eligibility';
import { type UnitDirectory } from '../units';

/** Who registered a union's UBN: the importing local government, another one, or nobody yet. */
export type UnionOwner = 'mine' | 'other' | 'none';

/** Training and service facts of one person from the registry (the row's own 紀錄冊號 and 加入日期 are added to them). */
export type RegistryFacts = Omit<VolunteerFacts, 'hasRecordBook' | 'hasHonorCard'>;

export interface ImportContext {
  /** ISO yyyy-mm-dd; no rule reads the clock. */
  readonly today: string;
  /** The importing local government's units; absent offline (unit names are then not checked). */
  readonly units?: UnitDirectory;
  /** Volunteers import: create a missing 志工隊 / 志工小隊 under a known 運用單位 instead of import.unknown_unit. */
  readonly createUnits?: boolean;
  /** Who registered a UBN; absent offline. */
  readonly unionOwner?: (ubn: string) => UnionOwner;
  /** A volunteer's training and service facts in the registry; absent offline (no eligibility warnings then). */
  readonly volunteerFacts?: (idNo: string) => RegistryFacts | undefined;
  /** The officers the registry holds for a union's UBN (officer.leader_count judges the terms after the import). */
  readonly storedOfficers?: (ubn: string) => readonly StoredOfficer[];
}
