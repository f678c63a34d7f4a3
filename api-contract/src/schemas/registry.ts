// Registry imports and reads of a local government's registry (/api/registry).
import { IMPORT_KINDS } from '@portfund/shared-rules/src/registry/columns';
import { Id } from './common';
import { FindingParams } from './filings';
import { z } from './zod';

export const ImportKindParam = z.enum(IMPORT_KINDS).openapi({ description: 'units 志工單位、unions 工會基本資料、officers 職員基本資料、volunteers 志工資料、training 教育訓練歷程、service_hours 服務時數' });
const Mode = z.enum(['dry_run', 'valid_rows', 'all_or_nothing']).openapi({ description: 'dry_run 試算不寫入（預設）、valid_rows 匯入正確的列、all_or_nothing 任一列有錯誤即全部不匯入' });
const RunStatus = z
  .enum(['dry_run', 'applied', 'rejected', 'unreadable', 'queued', 'running', 'failed'])
  .openapi({ description: 'queued 排隊中、running 處理中（匯入以背景工作執行）、failed 重試後仍失敗；其餘為結果' });
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式為 YYYY-MM-DD');
const Flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const ImportBody = z
  .object({
    mode: Mode.default('dry_run'),
    sheet: z.string().trim().min(1).max(100).optional().openapi({ description: 'XLSX 要讀取的工作表（預設第一個）' }),
    createUnits: Flag.optional().openapi({ description: 'volunteers：運用單位存在但志工隊／志工小隊不存在時自動建立（否則為 import.unknown_unit）' }),
  })
  .strict();

const OrgField = { org: Id.optional().openapi({ description: '地方主管機關 id（勞動部必填；地方主管機關只能是自己）' }) };
export const OrgQuery = z.object(OrgField);

export const RunListQuery = z
  .object({
    kind: ImportKindParam.optional(),
    status: RunStatus.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
export const FindingsQuery = z.object({ offset: z.coerce.number().int().min(0).default(0), limit: z.coerce.number().int().min(1).max(5000).default(500) }).strict();
const UnitQuery = z.object({ ...OrgField, unit: Id.optional().openapi({ description: '單位 id（省略為整個主管機關）' }) });
export const EligibilityQuery = UnitQuery.extend({ asOf: IsoDate.optional().openapi({ description: '以哪一天計算（預設今天）' }) }).strict();
export const SemiannualQuery = UnitQuery.extend({
  year: z.coerce.number().int().min(100).max(2999).openapi({ description: '民國年（例 114）或西元年（例 2025）' }),
  half: z
    .enum(['1', '2', 'H1', 'H2', 'h1', 'h2'])
    .transform((h) => (h.endsWith('1') ? 1 : 2) as 1 | 2)
    .openapi({ description: '1 上半年（1/1–6/30）、2 下半年（7/1–12/31）' }),
  format: z.enum(['json', 'xlsx']).default('json'),
}).strict();
export const VolunteerQuery = UnitQuery.extend({
  q: z.string().trim().max(50).optional().openapi({ description: '姓名關鍵字' }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
}).strict();

const Counts = z.object({ read: z.number(), valid: z.number(), inserted: z.number(), updated: z.number(), unchanged: z.number(), rejected: z.number() });
export const ImportFinding = z
  .object({
    seq: z.number().optional(),
    code: z.string(),
    severity: z.enum(['error', 'warning']),
    row: z.number().optional().openapi({ description: '資料列（第 1 列為標題後的第一列）' }),
    field: z.string().optional().openapi({ description: '欄位標題' }),
    message: z.string(),
    params: FindingParams,
    expected: z.string().optional(),
    actual: z.string().optional(),
  })
  .openapi('ImportFinding');
export const ImportRun = z
  .object({
    id: z.number(),
    kind: ImportKindParam,
    kindLabel: z.string(),
    mode: Mode,
    modeLabel: z.string(),
    status: RunStatus,
    statusLabel: z.string(),
    organizationId: z.number(),
    userId: z.number(),
    fileName: z.string(),
    fileSha256: z.string(),
    sizeBytes: z.number(),
    format: z.enum(['csv', 'xlsx']).nullable(),
    encoding: z.string().nullable().openapi({ description: 'CSV 的文字編碼：utf-8、utf-8-bom、utf-16le、utf-16be、cp950 (Big5)' }),
    encodingLabel: z.string().nullable(),
    sheet: z.string().nullable(),
    dateFormats: z.object({ gregorian: z.number(), roc: z.number() }).openapi({ description: '檔案中西元與民國日期各幾個' }),
    options: z.record(z.string(), z.unknown()),
    counts: Counts,
    summary: z.object({ errors: z.number(), warnings: z.number() }),
    message: z.string(),
    progress: z.object({ rows: z.number() }).openapi({ description: '排隊中／處理中：已讀的資料列數' }),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi('ImportRun');
export const ImportAnswer = ImportRun.extend({ findings: z.array(ImportFinding), findingsTotal: z.number() }).openapi('ImportAnswer');
export const ImportRunList = z.object({ runs: z.array(ImportRun), total: z.number() });

export const UnitList = z.object({
  authority: z.object({ id: z.number(), name: z.string() }),
  units: z.array(z.object({ id: z.number(), parentId: z.number().nullable(), level: z.string(), name: z.string(), path: z.string(), volunteers: z.number() })),
});
export const VolunteerList = z.object({ volunteers: z.array(z.record(z.string(), z.unknown())), total: z.number() });
export const UnionList = z.object({ unions: z.array(z.record(z.string(), z.unknown())) });

export const Officer = z.object({
  idNo: z.string().openapi({ description: '身分證號（遮蔽）' }),
  name: z.string(),
  title: z.string(),
  isLeader: z.boolean(),
  sex: z.string(),
  birthDate: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export const UnionOfficers = z
  .object({
    union: z.object({ id: z.number(), ubn: z.string().nullable(), name: z.string() }),
    terms: z.array(z.object({ termStart: z.string(), termEnd: z.string(), leader: z.string().nullable().openapi({ description: '負責人姓名（無或多於一位時見 officers）' }), officers: z.array(Officer) })),
  })
  .openapi('UnionOfficers');

export const EligibilityAnswer = z.object({ unit: z.object({ id: z.number().nullable(), path: z.string() }), asOf: z.string(), volunteers: z.number(), awards: z.array(z.unknown()) });
