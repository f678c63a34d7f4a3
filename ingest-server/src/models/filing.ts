// A filing: one accepted upload of one kind for one union and period; every version is kept.
import { Model } from 'objection';

import { type FilingKind, type FilingStatus } from '@portfund/api-contract';

export { FILING_STATUSES, type FilingKind, type FilingStatus } from '@portfund/api-contract';

export class Filing extends Model {
  static override tableName = 'filings';
  id!: number;
  kind!: FilingKind;
  union_id!: number;
  ubn!: string;
  year!: number;
  /** 0 for the application, 1–4 for a quarterly cash book. */
  quarter!: number;
  version!: number;
  sha256!: string;
  file_name!: string;
  size_bytes!: number;
  template_version!: string;
  status!: FilingStatus;
  lock_version!: number;
  errors!: number;
  warnings!: number;
  uploaded_by!: number;
  uploaded_at!: Date;
  meta!: Record<string, unknown>;

  static override get jsonAttributes(): string[] {
    return ['meta'];
  }
}
