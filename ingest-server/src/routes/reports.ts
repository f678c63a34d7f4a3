// Reconciled reports for the ministry and local governments, each restricted to the caller's scope: per union, per local
// government, and one union's quarterly balances — as JSON, or ?format=csv / ?format=xlsx downloads.
import { Readable } from 'node:stream';
import { type Response, Router } from 'express';
import { type Knex } from 'knex';
import { z } from 'zod';
import {
  BalancesParams,
  BalancesQuery,
  BalancesReport,
  Dashboard,
  DashboardQuery,
  FigureEntries,
  FigureEntriesParams,
  FigureEntriesQuery,
  LocalGovernmentReport,
  ReportQuery,
  UnionReport,
  UnionTrend,
  UnionTrendParams,
  UnionTrendQuery,
} from '@portfund/api-contract/src/schemas';
import { errorResponses, registry, SECURED } from '../api/registry';
import { currentUser, requireAuth } from '../http/auth';
import { notFound } from '../http/errors';
import { downloadControl, streamTo } from '../http/stream-download';
import { type Column, CSV_CONTENT_TYPE, csvLines, type PrintSetup, writeXlsx, XLSX_CONTENT_TYPE } from '../services/export';
import {
  balancesReport,
  balancesTable,
  dashboard,
  dashboardTable,
  dashboardTitle,
  figureEntries,
  localGovernmentReport,
  localGovernmentTable,
  type Quarter,
  type Table,
  unionReport,
  unionTable,
  unionTrend,
  unionTrendTable,
  unionTrendTitle,
} from '../services/reports';
import { findUnionInScope, findVisibleFiling, scopedUnions } from '../services/scope';
import { contentDisposition } from './filings';

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
        'application/json': { schema: UnionReport },
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
        'application/json': { schema: LocalGovernmentReport },
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
  request: { params: BalancesParams, query: BalancesQuery },
  responses: {
    200: { description: '各季餘額；該季無現行申報時為 null', content: { 'application/json': { schema: BalancesReport }, ...downloads } },
    ...errorResponses(400, 401, 404),
  },
});

registry.registerPath({
  method: 'get',
  path: '/api/reports/dashboard',
  summary: '總覽：各季申報完整度、分配款與支出（類別 × 來源）、教育訓練與行政事務費比率、各季期末餘額、§1.3(一) 連續兩年教育訓練未達 40% 名單',
  description: '每個工會與期間只計入最新核准版本，無核准時計入審核中的最新版本（標示 underReview）；退回、否決、被取代與撤回的版本不計入。',
  security: SECURED,
  request: { query: DashboardQuery },
  responses: {
    200: { description: '總覽（依角色範圍）；format=csv／xlsx 時下載 table 指定的表格', content: { 'application/json': { schema: Dashboard }, ...downloads } },
    ...errorResponses(400, 401),
  },
});

registry.registerPath({
  method: 'get',
  path: '/api/reports/filings/{id}/entries',
  summary: '數字來源：一本現金收支登記簿中構成某個數字（分配款收入、某支出類別 × 動支來源，或期末餘額）的分錄或儲存格，含儲存格位址',
  security: SECURED,
  request: { params: FigureEntriesParams, query: FigureEntriesQuery },
  responses: {
    200: { description: '分錄（合計等於報表上的數字）', content: { 'application/json': { schema: FigureEntries } } },
    ...errorResponses(400, 401, 404),
  },
});
registry.registerPath({
  method: 'get',
  path: '/api/reports/union-trend/{id}',
  summary: '一個工會該年度各季的申報狀態與計入版本的數字（分配款、教育訓練、行政事務費、支出合計、比率、結存）',
  security: SECURED,
  request: { params: UnionTrendParams, query: UnionTrendQuery },
  responses: {
    200: { description: '各季趨勢；該季無計入版本時數字為 null；format=csv／xlsx 時下載同一張表', content: { 'application/json': { schema: UnionTrend }, ...downloads } },
    ...errorResponses(400, 401, 404),
  },
});

const send = async <Row>(res: Response, format: 'json' | 'csv' | 'xlsx', json: unknown, table: Table<Row>, print?: PrintSetup): Promise<void> => {
  // reports hold every union's money: never kept by a shared cache
  res.set('Cache-Control', 'private, no-store');
  if (format === 'json') {
    res.json(json);
    return;
  }
  const columns: readonly Column<Row>[] = table.columns;
  if (format === 'csv') {
    res.set('Content-Type', CSV_CONTENT_TYPE).set('Content-Disposition', contentDisposition(`${table.fileName}.csv`));
    // streamed line by line with back-pressure; a client that leaves stops it
    await streamTo(res, Readable.from(csvLines(columns, table.rows)));
    return;
  }
  res.set('Content-Type', XLSX_CONTENT_TYPE).set('Content-Disposition', contentDisposition(`${table.fileName}.xlsx`));
  await writeXlsx(res, table.sheetName, columns, table.rows, downloadControl(res), print);
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

  router.get('/dashboard', async (req, res) => {
    const q = DashboardQuery.parse(req.query);
    const report = await dashboard(db, currentUser(req), q.year, q.quarter as Quarter | undefined, now());
    const table = dashboardTable(report, q.table);
    await send(res, q.format, report, table, { title: dashboardTitle(report, table.sheetName) });
  });

  router.get('/local-governments', async (req, res) => {
    const q = ReportQuery.parse(req.query);
    const report = await localGovernmentReport(db, currentUser(req), { year: q.year, quarter: q.quarter as Quarter }, now());
    await send(res, q.format, report, localGovernmentTable(report));
  });

  router.get('/filings/:id/entries', async (req, res) => {
    const { id } = FigureEntriesParams.parse(req.params);
    const q = FigureEntriesQuery.parse(req.query);
    // a filing outside the caller's scope does not exist for them; an application has no ledger entries
    const filing = await findVisibleFiling(db, currentUser(req), id);
    if (filing === undefined || filing.kind !== 'cashbook') throw notFound('現金收支登記簿');
    const figure =
      q.figure === 'allocation'
        ? { figure: q.figure }
        : q.figure === 'balance'
          ? { figure: q.figure, account: q.account }
          : { figure: q.figure, group: q.group!, source: q.source };
    res.set('Cache-Control', 'private, no-store').json(await figureEntries(db, filing, figure));
  });

  router.get('/union-trend/:id', async (req, res) => {
    const { id } = UnionTrendParams.parse(req.params);
    const q = UnionTrendQuery.parse(req.query);
    const union = await scopedUnions(db, currentUser(req)).findById(id);
    if (union === undefined) throw notFound('工會');
    const at = now();
    const trend = await unionTrend(db, union, q.year, at);
    await send(res, q.format, trend, unionTrendTable(trend), { title: unionTrendTitle(trend, at) });
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
