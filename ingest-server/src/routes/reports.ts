// Reconciled reports for the ministry and local governments, each restricted to the caller's scope: per union, per local
// government, and one union's quarterly balances — as JSON, or ?format=csv / ?format=xlsx downloads.
import { type Response, Router } from 'express';
import { type Knex } from 'knex';
import { z } from 'zod';
import { errorResponses, registry, SECURED } from '../api/registry';
import { currentUser, requireAuth } from '../http/auth';
import { notFound } from '../http/errors';
import { type Column, CSV_CONTENT_TYPE, toCsv, toXlsx, XLSX_CONTENT_TYPE } from '../services/export';
import {
  balancesReport,
  balancesTable,
  localGovernmentReport,
  localGovernmentTable,
  type Quarter,
  type Table,
  unionReport,
  unionTable,
} from '../services/reports';
import { findUnionInScope } from '../services/scope';
import { contentDisposition } from './filings';

const Year = z.coerce.number().int().min(100).max(999).openapi({ description: '民國年度，例如 115', example: 115 });
const Format = z.enum(['json', 'csv', 'xlsx']).default('json').openapi({ description: 'json（預設）、csv（UTF-8 含 BOM）或 xlsx 下載' });

export const ReportQuery = z
  .object({
    year: Year,
    quarter: z.coerce.number().int().min(1).max(4).openapi({ description: '季別 1–4（現金收支登記簿為年初至該季累計）', example: 2 }),
    format: Format,
  })
  .strict();

export const BalancesQuery = z.object({ year: Year, format: Format }).strict();

const Amount = z.string().regex(/^-?\d+$/).openapi({ description: '新臺幣元（整數，以字串表示以免精度問題）', example: '467000' });
const Percent = z.number().nullable().openapi({ description: '百分比，一位小數（41.5 表示 41.5%）；無分配款收入或無資料時為 null' });
const FilingRef = z.object({ filingId: z.number(), version: z.number(), status: z.string() });
const SpendCell = z.object({ allocation: Amount, interest: Amount, surplus: Amount, total: Amount });
const SpendGrid = registry.register(
  'ReportSpendGrid',
  z
    .object({ '1': SpendCell, '2': SpendCell, '3-1': SpendCell, '3-2': SpendCell, '4': SpendCell, '5': SpendCell, '6': SpendCell })
    .openapi({ description: '支出：類別（1 教育訓練、2 急難救助、3-1、3-2、4 退休補助、5 會員福利（5-1…5-5）、6 行政事務費）× 動支來源（分配款、利息收入、結餘款（含其他收入））' }),
);
const QuarterStatus = z.enum(['on_time', 'late', 'missing', 'returned', 'not_due']).openapi({
  description: '準時／逾期（第一個版本的上傳時間與到期日（該季末月最後一日，臺北時間）比較）／未申報／退回（現行版本被退回）／未到期',
});
const Org = z.object({ id: z.number(), name: z.string() });

const UnionReportRow = registry.register(
  'UnionReportRow',
  z.object({
    localGovernment: Org.nullable(),
    union: z.object({ id: z.number(), name: z.string(), ubn: z.string().nullable() }),
    cashbook: FilingRef.nullable().openapi({ description: '該季現行的現金收支登記簿（最高且未否決的版本）' }),
    application: FilingRef.nullable().openapi({ description: '該年度現行的申請書' }),
    allocationReceived: Amount.nullable(),
    spend: SpendGrid.nullable(),
    totalSpent: Amount.nullable(),
    educationRatio: Percent,
    adminRatio: Percent,
    flags: z.object({
      educationBelowMin: z.boolean().nullable().openapi({ description: '教育訓練（分配款）未達分配款 40%；僅第 4 季判定，其他季為 null' }),
      adminAboveMax: z.boolean().nullable().openapi({ description: '行政事務費超過分配款 10%' }),
    }),
    balance: Amount.nullable().openapi({ description: '結存：現行現金收支登記簿四個帳戶期末餘額合計' }),
    quarters: z.array(z.object({ quarter: z.number(), status: QuarterStatus, dueDate: z.string(), filing: FilingRef.nullable(), firstUploadedAt: z.string().nullable() })),
    openErrors: z.object({ cashbook: z.number().nullable(), application: z.number().nullable(), total: z.number() }),
    approved: z
      .object({ cashbook: FilingRef.nullable(), application: FilingRef.nullable() })
      .openapi({ description: '最近一個核准的版本（現行版本本身、較舊的版本，或尚無核准時為 null）' }),
    cumulativeSurplus: Amount.nullable().openapi({ description: '歷年累積結餘款：依申請書決算的輸入值重新計算；無申請書時為 null' }),
  }),
);

const LocalGovernmentReportRow = registry.register(
  'LocalGovernmentReportRow',
  z.object({
    localGovernment: Org.nullable(),
    unions: z.number(),
    filings: z.object({ onTime: z.number(), late: z.number(), missing: z.number(), returned: z.number(), notYetDue: z.number() }),
    allocationReceived: Amount,
    spend: SpendGrid,
    totalSpent: Amount,
    educationBelowMin: z.number().nullable(),
    adminAboveMax: z.number(),
    openErrors: z.number(),
  }),
);

const BalancesReport = registry.register(
  'BalancesReport',
  z.object({
    union: z.object({ id: z.number(), name: z.string(), ubn: z.string().nullable() }),
    localGovernment: Org.nullable(),
    year: z.number(),
    quarters: z.array(
      z.object({
        quarter: z.number(),
        filing: FilingRef.nullable(),
        special1: Amount.nullable(),
        special2: Amount.nullable(),
        fixed: Amount.nullable(),
        petty: Amount.nullable(),
        balance: Amount.nullable(),
      }),
    ),
  }),
);

const downloads = {
  'text/csv': { schema: z.string().openapi({ description: 'UTF-8（含 BOM）CSV，第一列為中文欄名' }) },
  [XLSX_CONTENT_TYPE]: { schema: z.string().openapi({ type: 'string', format: 'binary' }) },
};

registry.registerPath({
  method: 'get',
  path: '/api/reports/unions',
  summary: '工會報表：每個工會一列（分配款、支出類別 × 來源、教育訓練與行政事務費比率、結存、各季申報狀態、未結錯誤）',
  security: SECURED,
  request: { query: ReportQuery },
  responses: {
    200: {
      description: '報表（依角色範圍）',
      content: {
        'application/json': { schema: z.object({ year: z.number(), quarter: z.number(), generatedAt: z.string(), rows: z.array(UnionReportRow) }) },
        ...downloads,
      },
    },
    ...errorResponses(400, 401),
  },
});
registry.registerPath({
  method: 'get',
  path: '/api/reports/local-governments',
  summary: '地方主管機關彙總：工會數、該季準時／逾期／未申報／退回件數、分配款與支出合計、未達 40% 與超過 10% 的工會數、未結錯誤',
  security: SECURED,
  request: { query: ReportQuery },
  responses: {
    200: {
      description: '彙總（依角色範圍）',
      content: {
        'application/json': { schema: z.object({ year: z.number(), quarter: z.number(), generatedAt: z.string(), rows: z.array(LocalGovernmentReportRow) }) },
        ...downloads,
      },
    },
    ...errorResponses(400, 401),
  },
});
registry.registerPath({
  method: 'get',
  path: '/api/reports/unions/{ubn}/balances',
  summary: '一個工會該年度各季末四個帳戶（專戶存款1、專戶存款2、定期存款、零用金）餘額與結存',
  security: SECURED,
  request: { params: z.object({ ubn: z.string().regex(/^\d{8}$/) }), query: BalancesQuery },
  responses: {
    200: { description: '各季餘額；該季無現行申報時為 null', content: { 'application/json': { schema: BalancesReport }, ...downloads } },
    ...errorResponses(400, 401, 404),
  },
});

const send = async <Row>(res: Response, format: 'json' | 'csv' | 'xlsx', json: unknown, table: Table<Row>): Promise<void> => {
  // reports hold every union's money: never kept by a shared cache
  res.set('Cache-Control', 'private, no-store');
  if (format === 'json') {
    res.json(json);
    return;
  }
  const columns: readonly Column<Row>[] = table.columns;
  if (format === 'csv') {
    res.set('Content-Type', CSV_CONTENT_TYPE).set('Content-Disposition', contentDisposition(`${table.fileName}.csv`));
    res.send(Buffer.from(toCsv(columns, table.rows), 'utf8'));
    return;
  }
  const bytes = await toXlsx(table.sheetName, columns, table.rows);
  res.set('Content-Type', XLSX_CONTENT_TYPE).set('Content-Disposition', contentDisposition(`${table.fileName}.xlsx`));
  res.send(bytes);
};

/** The report routes; `now` decides which quarters are due (a parameter so tests can fix the clock). */
export const reportRoutes = (db: Knex, now: () => Date = () => new Date()): Router => {
  const router = Router();
  router.use(requireAuth);

  router.get('/unions', async (req, res) => {
    const q = ReportQuery.parse(req.query);
    const report = await unionReport(db, currentUser(req), { year: q.year, quarter: q.quarter as Quarter }, now());
    await send(res, q.format, report, unionTable(report));
  });

  router.get('/local-governments', async (req, res) => {
    const q = ReportQuery.parse(req.query);
    const report = await localGovernmentReport(db, currentUser(req), { year: q.year, quarter: q.quarter as Quarter }, now());
    await send(res, q.format, report, localGovernmentTable(report));
  });

  router.get('/unions/:ubn/balances', async (req, res) => {
    const q = BalancesQuery.parse(req.query);
    const ubn = req.params.ubn;
    // a union outside the caller's scope does not exist for them
    const union = /^\d{8}$/.test(ubn) ? await findUnionInScope(db, currentUser(req), ubn) : undefined;
    if (union === undefined) throw notFound('工會');
    const report = await balancesReport(db, union, q.year);
    await send(res, q.format, report, balancesTable(report));
  });
  return router;
};
