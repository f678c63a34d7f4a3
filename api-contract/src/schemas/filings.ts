// Filings: the upload answers, the list and one filing with its findings (/api/filings).
import { APPLICATION_ATTACHMENTS, FILING_KINDS, FILING_STATUSES } from '../labels';
import { Id } from './common';
import { z } from './zod';

// the stored finding as the API answers it (shared-rules StoredFinding plus its catalogue help)
/** The finding's named parameters (values and sub-codes); the message is rendered from them and the catalogue. */
export const FindingParams = z.record(z.string(), z.union([z.string(), z.number()])).openapi({ description: '訊息參數（值與子代碼）' });

/** The cash-book entry a ledger finding's row holds (from the extracted data), so a reviewer need not open the file. */
export const FindingEntry = z
  .object({
    month: z.number().nullable(),
    day: z.number().nullable(),
    zi: z.string().nullable().openapi({ description: '字（收／支／轉）' }),
    voucher: z.string().nullable().openapi({ description: '傳票序號' }),
    summary: z.string().nullable().openapi({ description: '摘要（項目與摘要(二)）' }),
    amount: z.string().nullable().openapi({ description: '金額（整數字串）' }),
  })
  .openapi('FindingEntry');

export const FindingView = z
  .object({
    code: z.string().openapi({ description: '穩定的英文代碼，例如 ledger.negative_balance' }),
    severity: z.enum(['error', 'warning']),
    source: z.enum(['check', 'recon']),
    sheet: z.string().optional(),
    cell: z.string().optional(),
    row: z.number().optional(),
    field: z.string().optional(),
    message: z.string().openapi({ description: '由代碼與 params 依規則目錄產生的中文說明' }),
    params: FindingParams,
    expected: z.string().optional(),
    actual: z.string().optional(),
    help: z.string().optional(),
    entry: FindingEntry.optional().openapi({ description: '登記簿的發現：該列分錄的月／日、傳票序號、摘要與金額' }),
  })
  .openapi('Finding');

export const FilingView = z
  .object({
    id: z.number(),
    kind: z.enum(FILING_KINDS),
    ubn: z.string(),
    unionName: z.string().nullable(),
    year: z.number(),
    quarter: z.number().nullable(),
    version: z.number(),
    status: z.enum(FILING_STATUSES),
    lockVersion: z.number(),
    fileName: z.string(),
    templateVersion: z.string(),
    uploadedAt: z.string(),
    summary: z.object({ errors: z.number(), warnings: z.number() }),
  })
  .openapi('Filing');

export const AttachmentKind = z.enum(APPLICATION_ATTACHMENTS).openapi({ description: 'meeting 會員大會或理監事會議紀錄；method 福利專款運用補助辦法' });

/** One PDF of an application (seed 004 §1.2(二)3): the version of its kind this filing shows. */
export const AttachmentView = z
  .object({
    kind: AttachmentKind,
    version: z.number().openapi({ description: '此類附件的第幾版（同一工會、年度）' }),
    fileName: z.string(),
    sizeBytes: z.number(),
    pages: z.number(),
    sha256: z.string(),
    uploadedAt: z.string(),
    /** The application version it was attached to (it stays on later versions until replaced). */
    filingVersion: z.number(),
  })
  .openapi('Attachment');

export const AttachmentList = z
  .object({
    attachments: z.array(AttachmentView),
    missing: z.array(AttachmentKind).openapi({ description: '申請書尚缺的附件（現金收支登記簿不需附件：空陣列）' }),
  })
  .openapi('AttachmentList');

export const AttachmentParams = z.object({ id: Id, kind: AttachmentKind });

export const AttachmentQuery = z.object({ download: z.enum(['1']).optional().openapi({ description: '1：以下載方式回覆（預設在瀏覽器內開啟）' }) }).strict();

export const FilingWithFindings = FilingView.extend({
  findings: z.array(FindingView),
  attachments: z.array(AttachmentView).optional().openapi({ description: '申請書的 PDF 附件（現金收支登記簿無此欄）' }),
}).openapi('FilingWithFindings');

export const FileRejected = z
  .object({
    error: z.object({ code: z.string(), message: z.string() }),
    file: z.string(),
    findings: z.array(FindingView),
  })
  .openapi('FileRejected');

export const FileFailed = z.object({
  httpStatus: z.literal(500),
  file: z.string(),
  error: z.object({ code: z.literal('file_failed'), message: z.string() }),
});

export const UploadResults = z
  .object({
    results: z
      .array(
        z.union([
          FilingWithFindings.extend({ httpStatus: z.union([z.literal(200), z.literal(201)]) }),
          FileRejected.extend({ httpStatus: z.literal(422) }),
          FileFailed,
        ]),
      )
      .openapi({
        description:
          '依上傳順序逐檔回覆；httpStatus 為該檔單獨上傳時的狀態碼：201 新版本、200 相同檔案已申報、422 無法建立申報、500 該檔處理時發生未預期錯誤（未建立申報，其他檔案不受影響）',
      }),
  })
  .openapi('UploadResults');

export const FilingListQuery = z
  .object({
    year: z.coerce.number().int().min(100).max(999).optional(),
    quarter: z.coerce.number().int().min(0).max(4).optional(),
    kind: z.enum(FILING_KINDS).optional(),
    status: z.enum(FILING_STATUSES).optional(),
    ubn: z.string().regex(/^\d{8}$/).optional(),
    superseded: z
      .enum(['1', '0', 'true', 'false'])
      .transform((v) => v === '1' || v === 'true')
      .optional()
      .openapi({ description: '1：也列出已被取代的舊版本（預設不列出；以 status=superseded 查詢時一律列出）' }),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

export const FilingList = z.object({ filings: z.array(FilingView), total: z.number() });

/** POST /api/filings/{id}/original: a ministry administrator confirms with the file's SHA-256 (shown on the filing). */
export const OriginalDownloadBody = z
  .object({
    confirm: z.string().regex(/^[0-9a-fA-F]{64}$/).openapi({ description: '原始檔案的 SHA-256（確認已了解原始檔案未經清理，僅供稽核）' }),
  })
  .strict()
  .openapi('OriginalDownloadBody');
