// One decision in the review history (審核歷程); append-only (a database trigger refuses updates and deletes).
import { Model } from 'objection';

export class ReviewEvent extends Model {
  static override tableName = 'review_events';
  id!: string;
  filing_id!: number;
  actor_id!: number;
  actor_role!: string;
  decision!: string;
  from_status!: string;
  to_status!: string;
  opinion!: string;
  /** The open errors the reviewer acknowledged when approving anyway; null when there was nothing to acknowledge. */
  acknowledged_errors!: number | null;
  created_at!: Date;
}
