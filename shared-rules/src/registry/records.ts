// What each import row becomes once its cells are read and checked: plain data (ISO dates, decimal strings), ready to upsert.
import { type Sex } from '../values/national-id';
import { type UnitLevel } from './units';

export const UNION_TYPES = ['聯合組織', '企業工會', '職業工會', '產業工會'] as const;
export const ELECTORAL_SYSTEMS = ['會員制', '代表制'] as const;
export const SEXES = ['男', '女'] as const;
export const COURSE_TYPES = ['基礎', '特殊', '在職', '成長', '其他'] as const;
/** seed 003 志工保險管理: the insurance states; 已加保 and 待退保 are insured. */
export const INSURANCE_STATES = ['未加保', '待加保', '已加保', '待退保', '已退保'] as const;
export const INSURED_STATES: readonly string[] = ['已加保', '待退保'];

export interface GenderCounts {
  readonly male: number | null;
  readonly female: number | null;
  readonly total: number | null;
}

export interface UnitRecord {
  readonly agency: string;
  readonly operator: string | null;
  readonly team: string | null;
  readonly squad: string | null;
}

export interface UnionRecord {
  readonly unionNo: string | null;
  readonly unionType: (typeof UNION_TYPES)[number] | null;
  readonly name: string;
  readonly ubn: string;
  readonly registrationNo: string | null;
  readonly leader: string | null;
  readonly termNo: number | null;
  readonly termStart: string | null;
  readonly termEnd: string | null;
  readonly foundedOn: string | null;
  readonly certificateOn: string | null;
  readonly documentNo: string | null;
  readonly address: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly fax: string | null;
  readonly website: string | null;
  readonly electoralSystem: (typeof ELECTORAL_SYSTEMS)[number] | null;
  readonly memberUnions: number | null;
  readonly directors: GenderCounts;
  readonly supervisors: GenderCounts;
  readonly members: GenderCounts;
  readonly lastYearRevenue: string | null;
  readonly lastYearExpenditure: string | null;
  readonly lastGeneralMeetingOn: string | null;
  readonly oneThirdRule: boolean | null;
  readonly authority: string | null;
}

export interface OfficerRecord {
  readonly ubn: string;
  readonly isLeader: boolean;
  readonly title: string;
  readonly name: string;
  readonly idNo: string;
  readonly sex: Sex;
  readonly birthDate: string | null;
  readonly address: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly termStart: string;
  readonly termEnd: string;
}

/** Where a volunteer row places the person: a known unit, or (option createUnits) names to create under a known one. */
export interface UnitPlacement {
  /** The names written: 運用單位 (possibly a path), 志工隊, 志工小隊. */
  readonly names: readonly string[];
  /** The deepest existing unit of the path (undefined offline, when no registry is known). */
  readonly unitId?: number;
  /** Units still to create below unitId, top down (createUnits only). */
  readonly create?: readonly { readonly level: UnitLevel; readonly name: string }[];
}

export interface VolunteerPerson {
  readonly idNo: string;
  readonly name: string;
  readonly nameEn: string | null;
  readonly sex: Sex;
  readonly birthDate: string;
  readonly mobile: string;
  readonly phone: string | null;
  readonly email: string;
  readonly householdAddress: string | null;
  readonly contactAddress: string | null;
  readonly indigenous: boolean;
  readonly foreigner: boolean;
  readonly disasterRelief: boolean;
  readonly occupation: string;
  readonly education: string;
  readonly skills: string | null;
  readonly languages: string | null;
  readonly serviceCategories: string | null;
  readonly recordBookNo: string | null;
  readonly recordBookIssuer: string | null;
  readonly honorCardNo: string | null;
  readonly insurance: (typeof INSURANCE_STATES)[number] | null;
}

export interface VolunteerRecord {
  readonly person: VolunteerPerson;
  readonly placement: UnitPlacement;
  readonly joinedOn: string | null;
}

export interface TrainingRecord {
  readonly idNo: string;
  readonly volunteerName: string;
  readonly unitName: string;
  /** Resolved 登錄單位: a unit id, null for the 主管機關 itself, undefined offline. */
  readonly unitId?: number | null;
  readonly courseType: (typeof COURSE_TYPES)[number];
  readonly organizer: string;
  readonly hours: string;
  readonly courseName: string;
  readonly startOn: string;
  readonly endOn: string;
  readonly domain: string;
  readonly approvedOn: string | null;
  readonly approvalNo: string | null;
}

export interface ServiceHourRecord {
  readonly idNo: string;
  readonly volunteerName: string;
  readonly unitName: string;
  /** Resolved 時數歸屬單位: a unit id, null for the 主管機關 itself, undefined offline. */
  readonly unitId?: number | null;
  readonly hourType: string;
  readonly startOn: string;
  readonly endOn: string;
  readonly serviceItem: string;
  readonly serviceContent: string;
  readonly hours: string;
}

export interface ImportRecords {
  readonly units: UnitRecord;
  readonly unions: UnionRecord;
  readonly officers: OfficerRecord;
  readonly volunteers: VolunteerRecord;
  readonly training: TrainingRecord;
  readonly service_hours: ServiceHourRecord;
}
