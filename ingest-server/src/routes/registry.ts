// Registry imports (SPEC §8), mounted at /api/registry: upload a file of one kind (dry run / valid rows / all or nothing),
// list and read import runs with their findings and XLSX report, list units, volunteers, union profiles and a union's
// officers, and read a unit's eligibility lists and 半年報. Local governments import and read their own registry; the ministry reads any
// (naming it with ?org=); unions have no access.
import { Router, type Request } from 'express';
import { type Knex } from 'knex';
import multer from 'multer';
import { z } from 'zod';
import { gregorianYearOfRoc, taipeiDate } from '@portfund/shared-rules';
import { IMPORT_KINDS, type ImportKind } from '@portfund/shared-rules/src/registry';
import { errorResponses, registry, SECURED } from '../api/registry';
import { Id } from '../api/schemas';
import { type Config } from '../config';
import { currentUser, requireAuth, requireRole } from '../http/auth';
import { badRequest, HttpError, notFound } from '../http/errors';
import { XLSX_CONTENT_TYPE } from '../services/export';
import { DEFAULT_LIMITS } from '../workbook/gate/input-gate';
import { unitEligibility } from '../services/registry/eligibility';
import { reportFileName, writeImportReport } from '../services/registry/report-xlsx';
import { directoryWithUnit } from '../services/registry/registry-read';
import { runImport } from '../services/registry/run-import';
import { maskIdNo, registryOwner, scopedRuns } from '../services/registry/scope';
import { unitSemiannual } from '../services/registry/semiannual';
import { semiannualXlsx } from '../services/registry/semiannual-xlsx';
import { findingsPage, type ImportRunRow } from '../services/registry/store';
import { findingRowView, runView } from '../services/registry/view';
import { contentDisposition } from './filings';

// ── schemas (validation and the OpenAPI description) ────────────────────────────────────────────────────────────────

const Kind = z.enum(IMPORT_KINDS).openapi({ description: 'units 志工單位、unions 工會基本資料、officers 職員基本資料、volunteers 志工資料、training 教育訓練歷程、service_hours 服務時數' });
const Mode = z.enum(['dry_run', 'valid_rows', 'all_or_nothing']).openapi({ description: 'dry_run 試算不寫入（預設）、valid_rows 匯入正確的列、all_or_nothing 任一列有錯誤即全部不匯入' });
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式為 YYYY-MM-DD');
const Flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const ImportBody = z
  .object({
    mode: Mode.default('dry_run'),
    sheet: z.string().trim().min(1).max(100).optional().openapi({ description: 'XLSX 要讀取的工作表（預設第一個）' }),
    createUnits: Flag.optional().openapi({ description: 'volunteers：運用單位存在但志工隊／志工小隊不存在時自動建立（否則為 import.unknown_unit）' }),
  })
  .strict();

const OrgQuery = { org: Id.optional().openapi({ description: '地方主管機關 id（勞動部必填；地方主管機關只能是自己）' }) };

const RunListQuery = z
  .object({
    kind: Kind.optional(),
    status: z.enum(['dry_run', 'applied', 'rejected', 'unreadable']).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
const FindingsQuery = z.object({ offset: z.coerce.number().int().min(0).default(0), limit: z.coerce.number().int().min(1).max(5000).default(500) }).strict();
const UnitQuery = z.object({ ...OrgQuery, unit: Id.optional().openapi({ description: '單位 id（省略為整個主管機關）' }) });
const EligibilityQuery = UnitQuery.extend({ asOf: IsoDate.optional().openapi({ description: '以哪一天計算（預設今天）' }) }).strict();
const SemiannualQuery = UnitQuery.extend({
  year: z.coerce.number().int().min(100).max(2999).openapi({ description: '民國年（例 114）或西元年（例 2025）' }),
  half: z.enum(['1', '2', 'H1', 'H2', 'h1', 'h2']).transform((h) => (h.endsWith('1') ? 1 : 2) as 1 | 2).openapi({ description: '1 上半年（1/1–6/30）、2 下半年（7/1–12/31）' }),
  format: z.enum(['json', 'xlsx']).default('json'),
}).strict();
const VolunteerQuery = UnitQuery.extend({
  q: z.string().trim().max(50).optional().openapi({ description: '姓名關鍵字' }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
}).strict();

const Counts = z.object({ read: z.number(), valid: z.number(), inserted: z.number(), updated: z.number(), unchanged: z.number(), rejected: z.number() });
const ImportFinding = registry.register(
  'ImportFinding',
  z.object({
    seq: z.number().optional(),
    code: z.string(),
    severity: z.enum(['error', 'warning']),
    row: z.number().optional().openapi({ description: '資料列（第 1 列為標題後的第一列）' }),
    field: z.string().optional().openapi({ description: '欄位標題' }),
    message: z.string(),
    expected: z.string().optional(),
    actual: z.string().optional(),
  }),
);
const ImportRun = registry.register(
  'ImportRun',
  z.object({
    id: z.number(),
    kind: Kind,
    kindLabel: z.string(),
    mode: Mode,
    modeLabel: z.string(),
    status: z.enum(['dry_run', 'applied', 'rejected', 'unreadable']),
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
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  }),
);
const ImportAnswer = registry.register('ImportAnswer', ImportRun.extend({ findings: z.array(ImportFinding), findingsTotal: z.number() }));

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const xlsx = (description: string) => ({ description, content: { [XLSX_CONTENT_TYPE]: { schema: z.any().openapi({ type: 'string', format: 'binary' }) } } });

registry.registerPath({
  method: 'post',
  path: '/api/registry/imports/{kind}',
  summary: '匯入名冊檔案（CSV：UTF-8、含 BOM 或 Big5；或 XLSX）：逐列檢查，依模式試算、匯入正確的列或全部或全不；每次匯入都留下紀錄（僅地方主管機關）',
  security: SECURED,
  request: {
    params: z.object({ kind: Kind }),
    body: { content: { 'multipart/form-data': { schema: ImportBody.extend({ file: z.any().openapi({ type: 'string', format: 'binary' }) }) } } },
  },
  responses: {
    201: json(ImportAnswer, '已檢查（並依模式寫入）；findings 為前 200 筆，全部見 GET /api/registry/imports/{id}'),
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
  responses: { 200: json(z.object({ runs: z.array(ImportRun), total: z.number() }), '清單'), ...errorResponses(400, 401, 403) },
});
registry.registerPath({
  method: 'get',
  path: '/api/registry/imports/{id}',
  summary: '一次匯入的紀錄與檢查結果（分頁）',
  security: SECURED,
  request: { params: z.object({ id: z.number() }), query: FindingsQuery },
  responses: { 200: json(ImportAnswer, '匯入紀錄'), ...errorResponses(400, 401, 403, 404) },
});
registry.registerPath({
  method: 'get',
  path: '/api/registry/imports/{id}/report.xlsx',
  summary: '匯入報告（XLSX：摘要與每一筆檢查結果的列、欄位、代碼、說明）',
  security: SECURED,
  request: { params: z.object({ id: z.number() }) },
  responses: { 200: xlsx('匯入報告'), ...errorResponses(401, 403, 404) },
});
registry.registerPath({
  method: 'get',
  path: '/api/registry/units',
  summary: '志工單位階層（主管機關 > 目的機關 > 運用單位 > 志工隊 > 志工小隊）與各單位志工人數',
  security: SECURED,
  request: { query: z.object(OrgQuery) },
  responses: {
    200: json(
      z.object({ authority: z.object({ id: z.number(), name: z.string() }), units: z.array(z.object({ id: z.number(), parentId: z.number().nullable(), level: z.string(), name: z.string(), path: z.string(), volunteers: z.number() })) }),
      '單位',
    ),
    ...errorResponses(400, 401, 403, 404),
  },
});
registry.registerPath({
  method: 'get',
  path: '/api/registry/volunteers',
  summary: '志工名冊（身分證字號遮蔽）',
  security: SECURED,
  request: { query: VolunteerQuery },
  responses: { 200: json(z.object({ volunteers: z.array(z.record(z.string(), z.unknown())), total: z.number() }), '志工'), ...errorResponses(400, 401, 403, 404) },
});
registry.registerPath({
  method: 'get',
  path: '/api/registry/unions',
  summary: '工會名冊（工會基本資料匯入的內容）',
  security: SECURED,
  request: { query: z.object(OrgQuery) },
  responses: { 200: json(z.object({ unions: z.array(z.record(z.string(), z.unknown())) }), '工會'), ...errorResponses(400, 401, 403, 404) },
});
const Officer = z.object({
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
const UnionOfficers = registry.register(
  'UnionOfficers',
  z.object({
    union: z.object({ id: z.number(), ubn: z.string().nullable(), name: z.string() }),
    terms: z.array(z.object({ termStart: z.string(), termEnd: z.string(), leader: z.string().nullable().openapi({ description: '負責人姓名（無或多於一位時見 officers）' }), officers: z.array(Officer) })),
  }),
);
registry.registerPath({
  method: 'get',
  path: '/api/registry/unions/{id}/officers',
  summary: '工會的職員（職員基本資料匯入的內容），依任期分組、新任期在前（身分證號遮蔽）',
  security: SECURED,
  request: { params: z.object({ id: z.number() }), query: z.object(OrgQuery) },
  responses: { 200: json(UnionOfficers, '職員'), ...errorResponses(400, 401, 403, 404) },
});
registry.registerPath({
  method: 'get',
  path: '/api/registry/eligibility',
  summary: '單位（含所屬各層）志工的資格：紀錄冊、榮譽卡、桃市獎勵（金銀銅）、中央獎勵（全國、衛生福利類）、服務績效證明書；未符合者列出尚缺的時數、年資或訓練',
  security: SECURED,
  request: { query: EligibilityQuery },
  responses: { 200: json(z.object({ unit: z.object({ id: z.number().nullable(), path: z.string() }), asOf: z.string(), volunteers: z.number(), awards: z.array(z.unknown()) }), '資格清單'), ...errorResponses(400, 401, 403, 404) },
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

declare module 'express-serve-static-core' {
  interface Request {
    importRun?: ImportRunRow;
  }
}

interface OfficerRow {
  term_start: string;
  term_end: string;
  id_no: string;
  name: string;
  title: string;
  is_leader: boolean;
  sex: string;
  birth_date: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
}

const loadedRun = (req: Request): ImportRunRow => {
  if (req.importRun === undefined) throw notFound('匯入紀錄');
  return req.importRun;
};

const fileName = (name: string): string => (name === '' ? 'upload' : name.slice(0, 255));

export const importRoutes = (db: Knex, config?: Pick<Config, 'maxUploadBytes'>): Router => {
  const router = Router();
  const upload = multer({
    storage: multer.memoryStorage(),
    defParamCharset: 'utf8',
    limits: { fileSize: config?.maxUploadBytes ?? DEFAULT_LIMITS.maxFileBytes, files: 1, fields: 10, parts: 12 },
  });
  router.use(requireAuth);

  // one place loads a run and enforces scope: outside it the run does not exist for you
  const loadRun = async (req: Request): Promise<void> => {
    const id = Id.safeParse(req.params.id);
    const run = id.success ? await scopedRuns(db, currentUser(req)).where('import_runs.id', id.data).first<ImportRunRow | undefined>() : undefined;
    if (run === undefined) throw notFound('匯入紀錄');
    req.importRun = run;
  };

  router.post('/imports/:kind', requireRole('local_gov'), upload.single('file'), async (req, res) => {
    const kind = Kind.safeParse(req.params.kind);
    if (!kind.success) throw badRequest(`匯入類別須為 ${IMPORT_KINDS.join('、')}`);
    const body = ImportBody.parse(req.body ?? {});
    const file = req.file;
    if (file === undefined) throw badRequest('請以 multipart 欄位 file 上傳一個檔案');
    const outcome = await runImport(db, currentUser(req), {
      kind: kind.data as ImportKind,
      mode: body.mode,
      fileName: fileName(file.originalname),
      bytes: file.buffer,
      ...(body.sheet !== undefined ? { sheet: body.sheet } : {}),
      ...(body.createUnits !== undefined ? { createUnits: body.createUnits } : {}),
    });
    const total = outcome.run.errors + outcome.run.warnings;
    res.status(outcome.run.status === 'unreadable' ? 422 : 201).json({ ...runView(outcome.run), findings: outcome.findings, findingsTotal: total });
  });

  router.get('/imports', requireRole('local_gov', 'ministry'), async (req, res) => {
    const q = RunListQuery.parse(req.query);
    const query = scopedRuns(db, currentUser(req));
    if (q.kind !== undefined) query.where('kind', q.kind);
    if (q.status !== undefined) query.where('status', q.status);
    const [count] = await query.clone().count<{ n: string | number }[]>('* as n');
    const runs = await query.orderBy('id', 'desc').limit(q.limit).offset(q.offset).select<ImportRunRow[]>('*');
    res.json({ runs: runs.map(runView), total: Number(count?.n ?? 0) });
  });

  router.get('/imports/:id', requireRole('local_gov', 'ministry'), async (req, res) => {
    await loadRun(req);
    const run = loadedRun(req);
    const q = FindingsQuery.parse(req.query);
    const findings = await findingsPage(db, run.id, q.offset, q.limit);
    res.json({ ...runView(run), findings: findings.map(findingRowView), findingsTotal: run.errors + run.warnings });
  });

  router.get('/imports/:id/report.xlsx', requireRole('local_gov', 'ministry'), async (req, res) => {
    await loadRun(req);
    const run = loadedRun(req);
    res.set('Content-Type', XLSX_CONTENT_TYPE).set('Content-Disposition', contentDisposition(reportFileName(run))).set('X-Content-Type-Options', 'nosniff');
    await writeImportReport(db, run, res);
    res.end();
  });

  router.get('/units', requireRole('local_gov', 'ministry'), async (req, res) => {
    const q = z.object(OrgQuery).strict().parse(req.query);
    const owner = await registryOwner(db, currentUser(req), q.org);
    const directory = await directoryWithUnit(db, owner, undefined);
    const counts = await db('volunteer_memberships')
      .join('volunteer_units', 'volunteer_units.id', 'volunteer_memberships.unit_id')
      .where('volunteer_units.organization_id', owner)
      .groupBy('unit_id')
      .select<{ unit_id: number; n: string | number }[]>('unit_id', db.raw('count(distinct volunteer_id) as n'));
    const direct = new Map(counts.map((c) => [c.unit_id, Number(c.n)]));
    const org = await db('organizations').where('id', owner).first<{ id: number; name: string }>('id', 'name');
    res.json({
      authority: { id: org.id, name: org.name },
      units: directory.treeOrder().map((u) => ({ id: u.id, parentId: u.parentId, level: u.level, name: u.name, path: directory.pathText(u.id), volunteers: direct.get(u.id) ?? 0 })),
    });
  });

  router.get('/volunteers', requireRole('local_gov', 'ministry'), async (req, res) => {
    const q = VolunteerQuery.parse(req.query);
    const owner = await registryOwner(db, currentUser(req), q.org);
    const directory = await directoryWithUnit(db, owner, q.unit);
    const query = db('volunteers').where('volunteers.organization_id', owner);
    if (q.unit !== undefined) query.whereExists(db('volunteer_memberships').whereRaw('volunteer_memberships.volunteer_id = volunteers.id').whereIn('unit_id', [...directory.subtree(q.unit)]));
    if (q.q !== undefined && q.q !== '') query.where('name', 'like', `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const [count] = await query.clone().count<{ n: string | number }[]>('* as n');
    const rows = await query.orderBy('id').limit(q.limit).offset(q.offset).select<Record<string, unknown>[]>('id', 'id_no', 'name', 'sex', 'birth_date', 'education', 'occupation', 'record_book_no', 'honor_card_no', 'insurance_status');
    const ids = rows.map((r) => Number(r.id));
    const memberships = await db('volunteer_memberships').whereIn('volunteer_id', ids).select<{ volunteer_id: number; unit_id: number; joined_on: string | null }[]>('volunteer_id', 'unit_id', 'joined_on');
    res.json({
      total: Number(count?.n ?? 0),
      volunteers: rows.map((r) => ({
        id: r.id,
        idNo: maskIdNo(String(r.id_no)),
        name: r.name,
        sex: r.sex,
        birthDate: r.birth_date,
        education: r.education,
        occupation: r.occupation,
        recordBookNo: r.record_book_no,
        honorCardNo: r.honor_card_no,
        insuranceStatus: r.insurance_status,
        units: memberships.filter((m) => m.volunteer_id === r.id).map((m) => ({ id: m.unit_id, path: directory.pathText(m.unit_id), joinedOn: m.joined_on })),
      })),
    });
  });

  router.get('/unions', requireRole('local_gov', 'ministry'), async (req, res) => {
    const q = z.object(OrgQuery).strict().parse(req.query);
    const owner = await registryOwner(db, currentUser(req), q.org);
    const rows = await db('organizations')
      .leftJoin('union_profiles', 'union_profiles.union_id', 'organizations.id')
      .where({ 'organizations.kind': 'union', 'organizations.parent_id': owner })
      .orderBy('organizations.ubn')
      .select<Record<string, unknown>[]>('union_profiles.*', 'organizations.id as organization_id', 'organizations.name as organization_name', 'organizations.ubn as organization_ubn');
    const camel = (key: string): string => key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
    const HIDDEN = new Set(['union_id', 'organization_id', 'organization_name', 'organization_ubn', 'row_hash', 'name', 'ubn']);
    res.json({
      unions: rows.map((r) => {
        const registered = r.row_hash !== null && r.row_hash !== undefined;
        const profile = Object.fromEntries(Object.entries(r).filter(([k]) => !HIDDEN.has(k)).map(([k, v]) => [camel(k), v]));
        return { unionId: r.organization_id, ubn: r.organization_ubn, name: registered ? r.name : r.organization_name, registered, profile: registered ? profile : null };
      }),
    });
  });

  // one place loads a union of the registry asked for: a union of another local government does not exist for you
  const loadUnion = async (req: Request): Promise<{ id: number; ubn: string | null; name: string }> => {
    const q = z.object(OrgQuery).strict().parse(req.query);
    const owner = await registryOwner(db, currentUser(req), q.org);
    const id = Id.safeParse(req.params.id);
    const union = id.success
      ? await db('organizations').where({ id: id.data, kind: 'union', parent_id: owner }).first<{ id: number; ubn: string | null; name: string } | undefined>('id', 'ubn', 'name')
      : undefined;
    if (union === undefined) throw notFound('工會');
    return union;
  };

  router.get('/unions/:id/officers', requireRole('local_gov', 'ministry'), async (req, res) => {
    const union = await loadUnion(req);
    const rows = await db('union_officers')
      .where('union_id', union.id)
      .orderBy([{ column: 'term_start', order: 'desc' }, { column: 'term_end', order: 'desc' }, { column: 'is_leader', order: 'desc' }, { column: 'id', order: 'asc' }])
      .select<OfficerRow[]>('term_start', 'term_end', 'id_no', 'name', 'title', 'is_leader', 'sex', 'birth_date', 'address', 'phone', 'email');
    const terms: { termStart: string; termEnd: string; leader: string | null; officers: z.infer<typeof Officer>[] }[] = [];
    for (const r of rows) {
      let term = terms[terms.length - 1];
      if (term === undefined || term.termStart !== r.term_start || term.termEnd !== r.term_end) terms.push((term = { termStart: r.term_start, termEnd: r.term_end, leader: null, officers: [] }));
      term.officers.push({ idNo: maskIdNo(r.id_no), name: r.name, title: r.title, isLeader: r.is_leader, sex: r.sex, birthDate: r.birth_date, address: r.address, phone: r.phone, email: r.email });
    }
    for (const term of terms) {
      const leaders = term.officers.filter((o) => o.isLeader);
      term.leader = leaders.length === 1 ? (leaders[0]?.name ?? null) : null;
    }
    res.json({ union, terms });
  });

  router.get('/eligibility', requireRole('local_gov', 'ministry'), async (req, res) => {
    const q = EligibilityQuery.parse(req.query);
    const owner = await registryOwner(db, currentUser(req), q.org);
    res.json(await unitEligibility(db, owner, q.unit, q.asOf ?? taipeiDate(new Date())));
  });

  router.get('/semiannual', requireRole('local_gov', 'ministry'), async (req, res) => {
    const q = SemiannualQuery.parse(req.query);
    const owner = await registryOwner(db, currentUser(req), q.org);
    const year = q.year < 1000 ? gregorianYearOfRoc(q.year) : q.year;
    if (year < 1912) throw new HttpError(400, 'bad_request', '年度須為民國年或西元 1912 年以後');
    const report = await unitSemiannual(db, owner, q.unit, year, q.half);
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
