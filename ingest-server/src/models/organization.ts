// An organisation: the ministry, a local government (jurisdiction over its unions) or a union (by UBN).
import { Model } from 'objection';

export type OrgKind = 'ministry' | 'local_gov' | 'union';

export class Organization extends Model {
  static override tableName = 'organizations';
  id!: number;
  kind!: OrgKind;
  name!: string;
  ubn!: string | null;
  parent_id!: number | null;
  code!: string | null;
  disabled!: boolean;
  contact_name!: string | null;
  contact_phone!: string | null;
  contact_email!: string | null;
  created_at!: Date;
}
