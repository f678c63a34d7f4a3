// A message to an organisation (通知訊息): a review decision, a deadline reminder, an overdue filing.
import { Model } from 'objection';

export class Notification extends Model {
  static override tableName = 'notifications';
  id!: string;
  organization_id!: number;
  filing_id!: number | null;
  kind!: string;
  title!: string;
  message!: string;
  dedupe_key!: string | null;
  created_at!: Date;
  read_at!: Date | null;
}
