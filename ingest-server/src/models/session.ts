// A signed-in session: the token itself is never stored, only its SHA-256.
import { Model } from 'objection';

export class Session extends Model {
  static override tableName = 'sessions';
  id!: number;
  token_hash!: string;
  user_id!: number;
  csrf_token!: string;
  created_at!: Date;
  expires_at!: Date;
}
