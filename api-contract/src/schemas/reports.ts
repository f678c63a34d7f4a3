// Reconciled reports per union, per local government and one union's balances (/api/reports).
import { DEADLINE_STATES } from '../labels';
import { z } from './zod';

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
const CountedFilingRef = FilingRef.extend({ underReview: z.boolean().openapi({ description: '尚無核准版本，計入的是審核中的最新版本' }) });
const SpendCell = z.object({ allocation: Amount, interest: Amount, surplus: Amount, total: Amount });
const SpendGrid = z
  .object({ '1': SpendCell, '2': SpendCell, '3-1': SpendCell, '3-2': SpendCell, '4': SpendCell, '5': SpendCell, '6': SpendCell })
  .openapi({ description: '支出：類別（1 教育訓練、2 急難救助、3-1、3-2、4 退休補助、5 會員福利（5-1…5-5）、6 行政事務費）× 動支來源（分配款、利息收入、結餘款（含其他收入））' })
  .openapi('ReportSpendGrid');
const QuarterStatus = z.enum(DEADLINE_STATES).openapi({
  description: '準時／逾期（第一個版本的上傳時間與到期日（該季末月最後一日，臺北時間）比較）／未申報／退回（現行版本被退回）／未到期',
});
const Org = z.object({ id: z.number(), name: z.string() });
const Union = z.object({ id: z.number(), name: z.string(), ubn: z.string().nullable() });

export const UnionReportRow = z
  .object({
    localGovernment: Org.nullable(),
    union: Union,
    cashbook: CountedFilingRef.nullable().openapi({
      description: '該季計入的現金收支登記簿：最新核准版本，無核准時為審核中的最新版本（underReview）；退回、否決、被取代與撤回的版本不計入',
    }),
    application: CountedFilingRef.nullable().openapi({ description: '該年度計入的申請書（同上規則）' }),
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
  })
  .openapi('UnionReportRow');

export const LocalGovernmentReportRow = z
  .object({
    localGovernment: Org.nullable(),
    unions: z.number(),
    filings: z.object({ onTime: z.number(), late: z.number(), missing: z.number(), returned: z.number(), notYetDue: z.number() }),
    allocationReceived: Amount,
    spend: SpendGrid,
    totalSpent: Amount,
    educationBelowMin: z.number().nullable(),
    adminAboveMax: z.number(),
    openErrors: z.number(),
  })
  .openapi('LocalGovernmentReportRow');

export const BalancesReport = z
  .object({
    union: Union,
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
  })
  .openapi('BalancesReport');

export const UnionReport = z.object({ year: z.number(), quarter: z.number(), generatedAt: z.string(), rows: z.array(UnionReportRow) });

export const LocalGovernmentReport = z.object({ year: z.number(), quarter: z.number(), generatedAt: z.string(), rows: z.array(LocalGovernmentReportRow) });

export const BalancesParams = z.object({ ubn: z.string().regex(/^\d{8}$/) });

// The 總覽 dashboard (issue 17): every figure from, per union and period, the latest approved version, else the latest
// version under review (underReview true); returned, rejected, superseded and withdrawn versions never count.
export const DashboardQuery = z
  .object({
    year: Year,
    quarter: z.coerce.number().int().min(1).max(4).optional().openapi({ description: '季別 1–4；省略時取該年度有資料的最近一季', example: 2 }),
    format: Format,
    table: z
      .enum(['completeness', 'money', 'ratios', 'balances', 'education-two-years'])
      .default('ratios')
      .openapi({ description: 'csv／xlsx 下載的表格（預設 ratios）' }),
  })
  .strict();

const CountedRef = z
  .object({ filingId: z.number(), version: z.number(), status: z.string(), underReview: z.boolean().openapi({ description: '尚無核准版本，計入的是審核中的最新版本' }) })
  .openapi('CountedFilingRef');
const DashboardUnion = z.object({ id: z.number(), name: z.string(), ubn: z.string().nullable(), localGovernment: Org.nullable() });
const RatioPart = z.object({
  amount: Amount,
  percent: Percent,
  flagged: z.boolean().nullable(),
  why: z.string().openapi({ description: '此比率與標示的計算說明（提示文字）' }),
});
const EducationYear = z.object({ year: z.number().openapi({ description: '決算年度（民國）' }), application: CountedRef, percent: z.string() });

export const Dashboard = z
  .object({
    year: z.number(),
    quarter: z.number(),
    latestQuarterWithData: z.number().nullable(),
    generatedAt: z.string(),
    scope: z.object({ kind: z.enum(['ministry', 'local_gov', 'union']), name: z.string() }),
    completeness: z.array(
      z.object({
        quarter: z.number(),
        localGovernment: Org.nullable(),
        unions: z.number(),
        onTime: z.number(),
        late: z.number(),
        missing: z.number(),
        returned: z.number(),
        notYetDue: z.number(),
        underReview: z.number(),
      }),
    ),
    standings: z
      .array(z.object({ union: DashboardUnion, states: z.array(QuarterStatus) }))
      .openapi({ description: '每個工會第 1–4 季的申報狀態（申報完整度的逐一工會明細）' }),
    money: z.object({ unions: z.number(), underReview: z.number(), allocationReceived: Amount, spend: SpendGrid, totalSpent: Amount }),
    ratios: z.array(
      z.object({
        union: DashboardUnion,
        cashbook: CountedRef,
        allocationReceived: Amount,
        spend: SpendGrid.openapi({ description: '該工會的支出（類別 × 來源），合計即總覽的分配款與支出表' }),
        totalSpent: Amount,
        education: RatioPart,
        admin: RatioPart,
      }),
    ),
    balances: z.array(
      z.object({ quarter: z.number(), unions: z.number(), underReview: z.number(), special1: Amount, special2: Amount, fixed: Amount, petty: Amount, total: Amount }),
    ),
    accumulatedSurplus: z.object({ unions: z.number(), underReview: z.number(), total: Amount }),
    unionBalances: z
      .array(
        z.object({
          union: DashboardUnion,
          quarter: z.number(),
          cashbook: CountedRef,
          special1: Amount,
          special2: Amount,
          fixed: Amount,
          petty: Amount,
          total: Amount,
        }),
      )
      .openapi({ description: '各工會各季計入版本的期末餘額（各季末帳戶餘額表的各工會明細）' }),
    surplusByUnion: z
      .array(z.object({ union: DashboardUnion, application: CountedRef, total: Amount }))
      .openapi({ description: '各工會計入的經費申請表之歷年累積結餘款（合計即 accumulatedSurplus.total）' }),
    educationTwoYears: z.object({
      years: z.array(z.number()),
      candidates: z.array(z.object({ union: DashboardUnion, years: z.array(EducationYear) })),
      atRisk: z.array(
        z.object({ union: DashboardUnion, last: EducationYear, thisYear: z.object({ percent: Percent, cashbook: CountedRef }).nullable() }),
      ),
    }),
  })
  .openapi('Dashboard');

// Drill-down (issue 17): the ledger entries behind one figure of a counted cash book, each with its workbook cell.
export const FIGURES = ['allocation', 'spend', 'balance'] as const;
export const ACCOUNT_KEYS = ['special1', 'special2', 'fixed', 'petty'] as const;
export const SPEND_GROUP_KEYS = ['1', '2', '3-1', '3-2', '4', '5', '6'] as const;
export const FUND_SOURCE_KEYS = ['allocation', 'interest', 'surplus'] as const;

export const FigureEntriesParams = z.object({ id: z.coerce.number().int().positive() });
export const FigureEntriesQuery = z
  .object({
    figure: z.enum(FIGURES).openapi({ description: 'allocation：分配款收入（收 1）；spend：支出（依 group 與 source）；balance：期末餘額（依 account）' }),
    account: z.enum(ACCOUNT_KEYS).optional().openapi({ description: '帳戶（figure=balance）：專戶存款1、專戶存款2、定期存款、零用金；省略時為四個帳戶合計' }),
    group: z.enum(SPEND_GROUP_KEYS).optional().openapi({ description: '支出類別（figure=spend 時必填）：1、2、3-1、3-2、4、5（5-1…5-5）、6' }),
    source: z.enum(FUND_SOURCE_KEYS).optional().openapi({ description: '動支來源；省略時為該類別各來源合計' }),
  })
  .strict()
  .refine((q) => q.figure !== 'spend' || q.group !== undefined, { message: 'figure=spend 須指定 group', path: ['group'] })
  .refine((q) => q.figure === 'balance' || q.account === undefined, { message: 'account 僅用於 figure=balance', path: ['account'] })
  .refine((q) => q.figure !== 'balance' || (q.group === undefined && q.source === undefined), { message: 'figure=balance 不接受 group 或 source', path: ['group'] });

export const FigureEntries = z
  .object({
    filing: z.object({
      id: z.number(),
      union: Union,
      year: z.number(),
      quarter: z.number(),
      version: z.number(),
      status: z.string(),
    }),
    figure: z.object({
      label: z.string().openapi({ description: '數字名稱，例如「1 教育訓練（分配款）」' }),
      total: Amount.openapi({ description: '下列分錄金額合計，等於報表上的數字' }),
    }),
    entries: z.array(
      z.object({
        row: z.number(),
        cell: z.string().openapi({ description: '金額所在儲存格，例如 現金收支登記簿!I15' }),
        month: z.number().nullable(),
        day: z.number().nullable(),
        voucher: z.string().nullable(),
        no: z.string().nullable(),
        summary: z.string().nullable(),
        amount: Amount,
        category: z.string().nullable(),
        account: z.string().nullable(),
      }),
    ),
  })
  .openapi('FigureEntries');

// A union's own page (issue 17): its counted cash book of each quarter of a year, the trend of its figures.
export const UnionTrendParams = z.object({ id: z.coerce.number().int().positive() });
export const UnionTrendQuery = z.object({ year: Year, format: Format }).strict();

export const UnionTrend = z
  .object({
    union: Union,
    localGovernment: Org.nullable(),
    year: z.number(),
    quarters: z.array(
      z.object({
        quarter: z.number(),
        status: QuarterStatus,
        cashbook: CountedFilingRef.nullable(),
        allocationReceived: Amount.nullable(),
        education: Amount.nullable().openapi({ description: '1 教育訓練（分配款）' }),
        admin: Amount.nullable().openapi({ description: '6 行政事務費（各來源）' }),
        totalSpent: Amount.nullable(),
        educationRatio: Percent,
        adminRatio: Percent,
        balance: Amount.nullable().openapi({ description: '結存：四個帳戶期末餘額合計' }),
      }),
    ),
  })
  .openapi('UnionTrend');
