// A finding stored with its filing: from the workbook check or from reconciliation with other filings.
import { type FindingParams } from '@portfund/shared-rules';
import { Model } from 'objection';

export class FindingRow extends Model {
  static override tableName = 'findings';
  id!: string;
  filing_id!: number;
  source!: 'check' | 'recon';
  code!: string;
  severity!: 'error' | 'warning';
  sheet!: string | null;
  cell!: string | null;
  row_no!: number | null;
  field!: string | null;
  /** The message's params (sub-codes for reasons); the text is rendered when served (services/filings/view.ts). */
  params!: FindingParams;
  expected!: string | null;
  actual!: string | null;
  seq!: number;
}
