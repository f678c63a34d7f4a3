// How a service answers: { ok: true, … } or a refusal with a stable English code and its parameters. Services never know
// HTTP: http/refusals.ts maps each code to a status and a zh-TW message. Exceptions are for bugs and infrastructure only.

export const REFUSAL_CODES = [
  'auth.invalid_credentials',
  'auth.rate_limited',
  'auth.wrong_current_password',
  'auth.same_password',
  'auth.weak_password',
  'auth.reset_invalid',
  'auth.reset_rate_limited',
  'setup.not_available',
  'setup.wrong_code',
  'organization.admin_required',
  'organization.ministry_only',
  'organization.ubn_required',
  'organization.ubn_invalid',
  'organization.parent_required',
  'organization.ubn_taken',
  'organization.not_found',
  'organization.disable_own',
  'organization.move_ministry_only',
  'user.demote_self',
  'bulk.unreadable',
  'bulk.header_invalid',
  'bulk.too_many_rows',
  'user.organization_not_found',
  'user.weak_password',
  'user.username_taken',
  'user.not_found',
  'user.disable_self',
  'user.reset_self',
  'review.role_forbidden',
  'review.wrong_state',
  'review.stale',
  'review.superseded',
  'review.errors_unacknowledged',
  'filing.withdraw_union_only',
  'filing.withdraw_taken_up',
  'upload.unreadable',
  'upload.not_a_template',
  'upload.template_unknown',
  'upload.period_unknown',
  'upload.union_out_of_scope',
  'upload.busy',
  'upload.queue_full',
  'upload.shutting_down',
  'filing.file_missing',
  'attachment.refused',
  'attachment.no_application',
  'attachment.closed',
  'attachment.not_found',
  'filing.original_admin_only',
  'filing.original_unconfirmed',
  'registry.union_account',
  'registry.other_authority',
  'registry.org_required',
  'registry.authority_not_found',
  'registry.unit_not_found',
  'registry.union_not_found',
  'registry.year_too_early',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export type RefusalParams = Readonly<Record<string, string | number>>;

export interface Refusal {
  readonly ok: false;
  readonly code: RefusalCode;
  readonly params: RefusalParams;
}

/** A service's answer: what it made or found, or why not. */
export type Outcome<T extends object> = ({ readonly ok: true } & T) | Refusal;

export const refuse = (code: RefusalCode, params: RefusalParams = {}): Refusal => ({ ok: false, code, params });
