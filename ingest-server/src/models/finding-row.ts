// A finding stored with its filing: from the workbook check or from reconciliation with other filings.
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
  message!: string;
  expected!: string | null;
  actual!: string | null;
  seq!: number;
}
