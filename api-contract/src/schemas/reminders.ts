// Filings overdue within the caller's scope, and the reminder run (/api/reminders).
import { FILING_KINDS } from '../labels';
import { objectIssue } from './review';
import { z } from './zod';

/** "2026-02-30" is not a day: the date must survive a round trip through the calendar. */
const isCalendarDate = (value: string): boolean => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m === null) return false;
  const at = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return at.toISOString().slice(0, 10) === value;
};

const isoDate = z.string().refine(isCalendarDate, { error: '日期格式須為 YYYY-MM-DD' });

export const OverdueQuery = z.strictObject(
  {
    year: z.coerce.number({ error: '年度須為數字' }).int({ error: '年度須為整數' }).min(100, { error: '年度為 3 碼民國年，例如 115' }).max(999, { error: '年度為 3 碼民國年，例如 115' }).optional(),
    quarter: z.coerce.number({ error: '季別須為 0 到 4' }).int({ error: '季別須為 0（申請書）或 1 到 4' }).min(0, { error: '季別須為 0（申請書）或 1 到 4' }).max(4, { error: '季別須為 0（申請書）或 1 到 4' }).optional(),
    asOf: isoDate.optional().openapi({ description: '以此日期（臺北時間）計算，預設今天' }),
  },
  { error: objectIssue('查詢參數格式錯誤') },
);

export const OverdueEntry = z
  .object({
    union: z.object({ id: z.number(), name: z.string(), ubn: z.string().nullable() }),
    localGovernment: z.object({ id: z.number(), name: z.string() }).nullable(),
    kind: z.enum(FILING_KINDS),
    year: z.number(),
    quarter: z.number().nullable(),
    periodLabel: z.string(),
    dueDate: z.string(),
    daysOverdue: z.number(),
    state: z.enum(['missing', 'returned']).openapi({ description: 'missing 未提交；returned 退回或否決後尚未上傳新版本' }),
    latestFilingId: z.number().nullable(),
  })
  .openapi('OverdueEntry');

export const OverdueList = z.object({ today: z.string(), year: z.number(), quarter: z.number().nullable(), overdue: z.array(OverdueEntry) });

export const RemindersRun = z.object({ today: z.string(), created: z.number(), reminders: z.number(), overdue: z.number() });
