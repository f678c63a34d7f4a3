// A person who signs in: a union accountant, a local-government officer or a ministry reviewer.
import { Model } from 'objection';

import { type Role } from '@portfund/api-contract';

export { type Role } from '@portfund/api-contract';

export class User extends Model {
  static override tableName = 'users';
  id!: number;
  username!: string;
  password_hash!: string;
  organization_id!: number;
  role!: Role;
  is_admin!: boolean;
  display_name!: string | null;
  email!: string | null;
  disabled!: boolean;
  must_change_password!: boolean;
  email_opt_out!: boolean;
  created_at!: Date;
}
