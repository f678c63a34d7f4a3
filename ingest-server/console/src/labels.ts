// Display texts shared by the pages; review labels come from the API contract (one definition with the server).
import { ROLE_LABELS, STATUS_LABELS } from '@portfund/api-contract';

export { STATUS_LABELS, ROLE_LABELS };

export const KIND_LABELS: Readonly<Record<string, string>> = { application: '申請書', cashbook: '現金收支登記簿' };

/** "115 年第 2 季" or "115 年度". */
export const periodLabel = (year: number, quarter: number | null): string =>
  quarter === null || quarter === 0 ? `${year} 年度` : `${year} 年第 ${quarter} 季`;

const TAIPEI = new Intl.DateTimeFormat('zh-TW', {
  timeZone: 'Asia/Taipei',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** An ISO instant as Taipei wall-clock time. */
export const taipeiTime = (iso: string): string => {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : TAIPEI.format(at);
};

export const actorName = (actor: { username: string; displayName: string | null; organization: { name: string } }): string =>
  `${actor.displayName ?? actor.username}（${actor.organization.name}）`;
