// Display texts shared by the pages; review labels come from the API contract (one definition with the server).
import { ROLE_LABELS, STATUS_LABELS } from '@portfund/api-contract';
import { quarterOf, rocYearOf, taipeiDate, taipeiRocTime } from '@portfund/shared-rules/src/calendar/calendar';

export { STATUS_LABELS, ROLE_LABELS };

export const KIND_LABELS: Readonly<Record<string, string>> = { application: '申請書', cashbook: '現金收支登記簿' };

/** "115 年第 2 季" or "115 年度". */
export const periodLabel = (year: number, quarter: number | null): string =>
  quarter === null || quarter === 0 ? `${year} 年度` : `${year} 年第 ${quarter} 季`;

/** An ISO instant as Taipei wall-clock time with the ROC year: "115/11/20 10:30"; unparseable → as given. */
export const taipeiTime = (iso: string): string => {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : taipeiRocTime(at, 'numeric');
};

/** The current ROC year and quarter in Taipei. */
export const taipeiPeriodNow = (now: Date): { year: number; quarter: number } => {
  const today = taipeiDate(now);
  return { year: rocYearOf(today), quarter: quarterOf(today) };
};

export const actorName = (actor: { username: string; displayName: string | null; organization: { name: string } }): string =>
  `${actor.displayName ?? actor.username}（${actor.organization.name}）`;
