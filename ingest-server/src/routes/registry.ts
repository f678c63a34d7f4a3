// Registry imports (SPEC §8), mounted at /api/registry: upload a file of one kind (dry run / valid rows / all or nothing),
// list and read import runs with their findings and XLSX report, list units, volunteers, union profiles and a union's
// officers, and read a unit's eligibility lists and 半年報. Local governments import and read their own registry; the ministry reads any
// (naming it with ?org=); unions have no access.
import { Readable } from 'node:stream';
import { type Request, Router } from 'express';
import { type Knex } from 'knex';
import { z } from 'zod';
import { taipeiDate } from '@portfund/shared-rules';
import { IMPORT_KINDS, type ImportKind } from '@portfund/shared-rules/src/registry';
import {
  EligibilityAnswer,
  EligibilityQuery,
  FindingsQuery,
  Id,
  IdParams,
  ImportAnswer,
  ImportBody,
  ImportKindParam,
  ImportRunList,
  OrgQuery,
  RunListQuery,
  SemiannualQuery,
  UnionList,
  UnionOfficers,
  UnitList,
  VolunteerList,
  VolunteerQuery,
} from '@portfund/api-contract/src/schemas';
import { errorResponses, registry, SECURED } from '../api/registry';
import { currentUser, requireAuth, requireRole } from '../http/auth';
import { type JobQueue } from '../jobs/runner';
import { badRequest, notFound } from '../http/errors';
import { orRefuse } from '../http/refusals';
import { downloadControl, streamTo } from '../http/stream-download';
import { boundedUpload, type UploadBounds, uploadedFiles } from '../http/upload-body';
import { CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE } from '../services/export';
import { importReportCsv, reportCsvFileName } from '../services/registry/report-csv';
import { unionList, unionOfficers, unitList, volunteerList } from '../services/registry/directory';
import { unitEligibility } from '../services/registry/eligibility';
import { reportFileName, writeImportReport } from '../services/registry/report-xlsx';
import { queueImport } from '../services/registry/queued-import';
import { findRun, listRuns, registryOwner } from '../services/registry/scope';
import { unitSemiannual } from '../services/registry/semiannual';
import { semiannualXlsx } from '../services/registry/semiannual-xlsx';
import { findingsPage, type ImportRunRow } from '../services/registry/store';
import { findingRowView, runView } from '../services/registry/view';
import { contentDisposition } from './filings';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const xlsx = (description: string) => ({ description, content: { [XLSX_CONTENT_TYPE]: { schema: z.any().openapi({ type: 'string', format: 'binary' }) } } });

registry.registerPath({
  method: 'post',
  path: '/api/registry/imports/{kind}',
  summary: '匯入名冊檔案（CSV：UTF-8、含 BOM 或 Big5；或 XLSX）：逐列檢查，依模式試算、匯入正確的列或全部或全不；每次匯入都留下紀錄（僅地方主管機關）',
  security: SECURED,
  request: {
    params: z.object({ kind: ImportKindParam }),
    body: { content: { 'multipart/form-data': { schema: ImportBody.extend({ file: z.any().openapi({ type: 'string', format: 'binary' }) }) } } },
  },
  responses: {
    202: json(ImportAnswer, '已收到，排隊處理（status queued）；以 GET /api/registry/imports/{id}（Location）查詢進度與結果，findings 全部見該處'),
    422: json(ImportAnswer, '檔案無法讀取（空檔、非 CSV/XLSX、編碼無法辨識、壓縮炸彈…），未寫入任何資料'),
    ...errorResponses(400, 401, 403, 413),
  },
});
registry.registerPath({
  method: 'get',
  path: '/api/registry/imports',
  summary: '匯入紀錄清單（地方主管機關看自己的，勞動部看全部）',
  security: SECURED,
  request: { query: RunListQuery },
  responses: { 200: json(ImportRunList, '清單'), ...errorResponses(400, 401, 403) },
});
registry.registerPath({
  method: 'get',
  path: '/api/registry/imports/{id}',
  summary: '一次匯入的紀錄與檢查結果（分頁）',
  security: SECURED,
  request: { params: IdParams, query: FindingsQuery },
  responses: { 200: json(ImportAnswer, '匯入紀錄'), ...errorResponses(400, 401, 403, 404) },
});
registry.registerPath({
  method: 'get',
  path: '/api/registry/imports/{id}/report.xlsx',
  summary: '匯入報告（XLSX：摘要與每一筆檢查結果的列、欄位、代碼、說明）',
  security: SECURED,
  request: { params: IdParams },
  responses: { 200: xlsx('匯入報告'), ...errorResponses(401, 403, 404) },
});
registry.registerPath({
  method: 'get',
  path: '/api/registry/imports/{id}/report.csv',
  summary: '匯入報告（CSV，UTF-8 含 BOM：每一筆檢查結果的列、欄位、代碼、說明）',
  security: SECURED,
  request: { params: IdParams },
  responses: { 200: { description: '匯入報告', content: { [CSV_CONTENT_TYPE]: { schema: z.string() } } }, ...errorResponses(401, 403, 404) },
});
registry.registerPath({
  method: 'get',
  path: '/api/registry/units',
  summary: '志工單位階層（主管機關 > 目的機關 > 運用單位 > 志工隊 > 志工小隊）與各單位志工人數',
  security: SECURED,
  request: { query: OrgQuery },
  responses: {
    200: json(UnitList, '單位'),
    ...errorResponses(400, 401, 403, 404),
  },
});
registry.registerPath({
  method: 'get',
  path: '/api/registry/volunteers',
  summary: '志工名冊（身分證字號遮蔽）',
  security: SECURED,
  request: { query: VolunteerQuery },
  responses: { 200: json(VolunteerList, '志工'), ...errorResponses(400, 401, 403, 404) },
});
registry.registerPath({
  method: 'get',
  path: '/api/registry/unions',
  summary: '工會名冊（工會基本資料匯入的內容）',
  security: SECURED,
  request: { query: OrgQuery },
  responses: { 200: json(UnionList, '工會'), ...errorResponses(400, 401, 403, 404) },
});
registry.registerPath({
  method: 'get',
  path: '/api/registry/unions/{id}/officers',
  summary: '工會的職員（職員基本資料匯入的內容），依任期分組、新任期在前（身分證號遮蔽）',
  security: SECURED,
  request: { params: IdParams, query: OrgQuery },
  responses: { 200: json(UnionOfficers, '職員'), ...errorResponses(400, 401, 403, 404) },
});
registry.registerPath({
  method: 'get',
  path: '/api/registry/eligibility',
  summary: '單位（含所屬各層）志工的資格：紀錄冊、榮譽卡、桃市獎勵（金銀銅）、中央獎勵（全國、衛生福利類）、服務績效證明書；未符合者列出尚缺的時數、年資或訓練',
  security: SECURED,
  request: { query: EligibilityQuery },
  responses: { 200: json(EligibilityAnswer, '資格清單'), ...errorResponses(400, 401, 403, 404) },
});
registry.registerPath({
  method: 'get',
  path: '/api/registry/semiannual',
  summary: '半年報：單位及所屬各層的志工人數（性別、年齡、教育程度、原住民、服務年資、身分別、紀錄冊、保險）與訓練人次、節數；format=xlsx 依填報表格式下載',
  security: SECURED,
  request: { query: SemiannualQuery },
  responses: { 200: { description: 'JSON 或 XLSX', content: { 'application/json': { schema: z.unknown() }, [XLSX_CONTENT_TYPE]: { schema: z.any().openapi({ type: 'string', format: 'binary' }) } } }, ...errorResponses(400, 401, 403, 404) },
});

// ── handlers ────────────────────────────────────────────────────────────────────────────────────────────────────────

const fileName = (name: string): string => (name === '' ? 'upload' : name.slice(0, 255));

export const importRoutes = (db: Knex, config: UploadBounds, jobs: JobQueue): Router => {
  const router = Router();
  // the body goes to a temporary folder within the server's in-flight budget and timeouts (http/upload-body.ts)
  const upload = boundedUpload(config, 'file', { files: 1 });
  // local governments and the ministry read registries; importing is for local governments alone (below)
  router.use(requireAuth, requireRole('local_gov', 'ministry'));

  // one place loads a run and enforces scope: outside it the run does not exist for you
  const loadRun = async (req: Request): Promise<ImportRunRow> => {
    const id = Id.safeParse(req.params.id);
    const run = id.success ? await findRun(db, currentUser(req), id.data) : undefined;
    if (run === undefined) throw notFound('匯入紀錄');
    return run;
  };
  // the local government whose registry is read: one's own, or the one the ministry names with ?org=
  const ownerOf = async (req: Request, org: number | undefined): Promise<number> => orRefuse(await registryOwner(db, currentUser(req), org)).owner;

  router.post('/imports/:kind', requireRole('local_gov'), upload, async (req, res) => {
    const kind = ImportKindParam.safeParse(req.params.kind);
    if (!kind.success) throw badRequest(`匯入類別須為 ${IMPORT_KINDS.join('、')}`);
    const body = ImportBody.parse(req.body ?? {});
    const [file] = await uploadedFiles(req);
    if (file === undefined) throw badRequest('請以 multipart 欄位 file 上傳一個檔案');
    const queued = await queueImport(db, jobs, currentUser(req), {
      kind: kind.data as ImportKind,
      mode: body.mode,
      fileName: fileName(file.originalname),
      bytes: file.bytes,
      ...(body.sheet !== undefined ? { sheet: body.sheet } : {}),
      ...(body.createUnits !== undefined ? { createUnits: body.createUnits } : {}),
    });
    if (!queued.queued) {
      // a file that cannot be opened at all: refused at once, the run recorded with its one finding
      const { run, findings } = queued.outcome;
      res.status(422).json({ ...runView(run), findings, findingsTotal: run.findings_stored });
      return;
    }
    // the run goes on as a job: GET /imports/:id says how far it got and, once done, its result and findings
    res.status(202).location(`/api/registry/imports/${queued.run.id}`).json({ ...runView(queued.run), findings: [], findingsTotal: 0 });
  });

  router.get('/imports', async (req, res) => {
    const { runs, total } = await listRuns(db, currentUser(req), RunListQuery.parse(req.query));
    res.json({ runs: runs.map(runView), total });
  });

  router.get('/imports/:id', async (req, res) => {
    const run = await loadRun(req);
    const q = FindingsQuery.parse(req.query);
    const findings = await findingsPage(db, run.id, q.offset, q.limit);
    res.json({ ...runView(run), findings: findings.map(findingRowView), findingsTotal: run.findings_stored });
  });

  router.get('/imports/:id/report.xlsx', async (req, res) => {
    const run = await loadRun(req);
    res.set('Content-Type', XLSX_CONTENT_TYPE).set('Content-Disposition', contentDisposition(reportFileName(run))).set('X-Content-Type-Options', 'nosniff');
    // streamed a page at a time with back-pressure; stops when the client goes (the workbook writer ends the response)
    await writeImportReport(db, run, res, downloadControl(res));
  });

  router.get('/imports/:id/report.csv', async (req, res) => {
    const run = await loadRun(req);
    res.set('Content-Type', CSV_CONTENT_TYPE).set('Content-Disposition', contentDisposition(reportCsvFileName(run))).set('X-Content-Type-Options', 'nosniff');
    // a page of findings is read only when the client has taken the last one; a client that leaves ends it
    await streamTo(res, Readable.from(importReportCsv(db, run)));
  });

  router.get('/units', async (req, res) => {
    const q = OrgQuery.strict().parse(req.query);
    res.json(await unitList(db, await ownerOf(req, q.org)));
  });

  router.get('/volunteers', async (req, res) => {
    const q = VolunteerQuery.parse(req.query);
    const { volunteers, total } = orRefuse(await volunteerList(db, await ownerOf(req, q.org), q));
    res.json({ total, volunteers });
  });

  router.get('/unions', async (req, res) => {
    const q = OrgQuery.strict().parse(req.query);
    res.json({ unions: await unionList(db, await ownerOf(req, q.org)) });
  });

  router.get('/unions/:id/officers', async (req, res) => {
    const q = OrgQuery.strict().parse(req.query);
    const owner = await ownerOf(req, q.org);
    const id = Id.safeParse(req.params.id);
    const { union, terms } = orRefuse(await unionOfficers(db, owner, id.success ? id.data : undefined));
    res.json({ union, terms });
  });

  router.get('/eligibility', async (req, res) => {
    const q = EligibilityQuery.parse(req.query);
    const owner = await ownerOf(req, q.org);
    res.json(orRefuse(await unitEligibility(db, owner, q.unit, q.asOf ?? taipeiDate(new Date()))).eligibility);
  });

  router.get('/semiannual', async (req, res) => {
    const q = SemiannualQuery.parse(req.query);
    const owner = await ownerOf(req, q.org);
    const { report } = orRefuse(await unitSemiannual(db, owner, q.unit, q.year, q.half));
    if (q.format === 'xlsx') {
      const name = `${report.rocYear}${q.half === 1 ? 'H1' : 'H2'}-semiannual${q.unit === undefined ? '' : `-unit${q.unit}`}.xlsx`;
      res.set('Content-Type', XLSX_CONTENT_TYPE).set('Content-Disposition', contentDisposition(name)).set('X-Content-Type-Options', 'nosniff');
      res.send(await semiannualXlsx(report));
      return;
    }
    res.json(report);
  });

  return router;
};
