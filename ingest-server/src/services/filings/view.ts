// The JSON shape of a filing and its findings in API responses: a stored finding is code + params, its message and help
// are written here from the catalogue, so a wording fix reaches findings stored before it.
import { renderFinding, type StoredFinding } from '@portfund/shared-rules';
import { type Filing } from '../../models/filing';
import { type FindingRow } from '../../models/finding-row';

export type FindingView = StoredFinding;

export const findingView = (f: FindingRow): FindingView =>
  renderFinding({
    code: f.code,
    severity: f.severity,
    source: f.source,
    ...(f.sheet !== null ? { sheet: f.sheet } : {}),
    ...(f.cell !== null ? { cell: f.cell } : {}),
    ...(f.row_no !== null ? { row: f.row_no } : {}),
    ...(f.field !== null ? { field: f.field } : {}),
    params: f.params,
    ...(f.expected !== null ? { expected: f.expected } : {}),
    ...(f.actual !== null ? { actual: f.actual } : {}),
  });

export const filingView = (f: Filing) => ({
  id: f.id,
  kind: f.kind,
  ubn: f.ubn,
  unionName: typeof f.meta.unionName === 'string' ? f.meta.unionName : null,
  year: f.year,
  quarter: f.quarter === 0 ? null : f.quarter,
  version: f.version,
  status: f.status,
  lockVersion: f.lock_version,
  fileName: f.file_name,
  templateVersion: f.template_version,
  uploadedAt: f.uploaded_at,
  summary: { errors: f.errors, warnings: f.warnings },
});

export type FilingView = ReturnType<typeof filingView>;
