// Bulk creation by administrators (issue 15): the unions of a 工會基本資料 file (the registry import's columns) as
// organisations, and users from a CSV/XLSX (帳號, 姓名, Email, 統一編號 or 機關). Files are read by the import readers
// (tables/: UTF-8/Big5 CSV or XLSX through the input gate); every row is checked and reported, and the creation is all
// or nothing: a dry run (the default) writes nothing, an apply writes every row in one transaction or none at all.
import { randomBytes } from 'node:crypto';
import { type BulkProblemCode } from '@portfund/api-contract';
import { cellText, reasonText, toHalfWidth, ubnChecksumOk, type CellValue } from '@portfund/shared-rules';
import { matchHeaders, normaliseHeader } from '@portfund/shared-rules/src/registry';
import { type Knex } from 'knex';
import { openTable } from '../tables/open-table';
import { TableReadError } from '../tables/source';
import { Organization, type OrgKind } from '../models/organization';
import { type Role, User } from '../models/user';
import { issueResetLink } from './password-reset';
import { recordAdminAction } from './admin-audit';
import { type Outcome, refuse } from './result';
import { manageableOrgIds } from './users';

/** Rows one bulk file may hold: a county's unions or staff, not a data dump. */
export const MAX_BULK_ROWS = 2000;

interface TableRow {
  readonly line: number;
  readonly cells: readonly CellValue[];
}

/** Every row of the file's first table (header first), or why it cannot be read. */
const readRows = async (bytes: Buffer): Promise<Outcome<{ header: readonly CellValue[]; rows: TableRow[] }>> => {
  const opened = await openTable(bytes);
  if (!opened.ok) return refuse('bulk.unreadable', { reason: reasonText(opened.reason) });
  const rows: TableRow[] = [];
  let header: readonly CellValue[] | null = null;
  try {
    for await (const row of opened.source.rows()) {
      if (header === null) {
        header = row.cells;
        continue;
      }
      if (row.cells.every((c) => cellText(c) === null)) continue;
      if (rows.length >= MAX_BULK_ROWS) return refuse('bulk.too_many_rows', { max: MAX_BULK_ROWS });
      rows.push({ line: row.line, cells: row.cells });
    }
  } catch (error) {
    if (error instanceof TableReadError) return refuse('bulk.unreadable', { reason: reasonText(error.reason) });
    throw error;
  }
  return { ok: true, header: header ?? [], rows };
};

const text = (cells: readonly CellValue[], index: number | undefined): string => (index === undefined || index < 0 ? '' : (cellText(cells[index]) ?? ''));

/** A UBN as typed: half-width, no spaces, leading zeros an XLSX number cell lost restored. */
const ubnOf = (raw: string): string => {
  const half = toHalfWidth(raw).replace(/\s/g, '');
  return /^\d{1,7}$/.test(half) ? half.padStart(8, '0') : half;
};

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const USERNAME = /^[A-Za-z0-9._@-]{3,100}$/;

export interface BulkRequest {
  readonly bytes: Buffer;
  readonly dryRun: boolean;
  /** Organisations: the local government of the new unions (a ministry admin names it; a local government is itself). */
  readonly parentId?: number | undefined;
}

// ── organisations ────────────────────────────────────────────────────────────────────────────────────────────────────

export interface BulkOrganizationRow {
  readonly row: number;
  readonly name: string;
  readonly ubn: string;
  readonly status: 'create' | 'exists' | 'refused';
  readonly problems: readonly BulkProblemCode[];
  readonly contact: { readonly name: string; readonly phone: string; readonly email: string };
}

export interface BulkResult<R> {
  readonly dryRun: boolean;
  readonly applied: boolean;
  readonly rows: readonly R[];
  /** Users only: how many of the created users were mailed a reset link (those with an address, when mail is on). */
  readonly linksMailed?: number;
}

/**
 * Unions of a 工會基本資料 file (工會名稱, 統一編號; 負責人, 電話, Email become the contact) under the admin's local
 * government (or the one a ministry admin names): new UBNs are created, UBNs already in that jurisdiction are left as
 * they are, UBNs held elsewhere are refused without saying where (as the single creation answers).
 */
export const bulkCreateOrganizations = async (db: Knex, actor: User, request: BulkRequest): Promise<Outcome<BulkResult<BulkOrganizationRow>>> => {
  if (!actor.is_admin || actor.role === 'union') return refuse('organization.admin_required');
  const parentId = actor.role === 'local_gov' ? actor.organization_id : request.parentId;
  const parent = parentId === undefined ? undefined : await Organization.query(db).findById(parentId);
  if (parent?.kind !== 'local_gov') return refuse('organization.parent_required');
  const table = await readRows(request.bytes);
  if (!table.ok) return table;
  const match = matchHeaders('unions', table.header);
  const index = (key: string): number => match.columns.indexOf(key);
  if (index('name') < 0 || index('ubn') < 0) return refuse('bulk.header_invalid', { missing: ['工會名稱', '統一編號'].filter((_, i) => index(['name', 'ubn'][i] ?? '') < 0).join('、') });
  const ubns = table.rows.map((r) => ubnOf(text(r.cells, index('ubn'))));
  const existing = new Map((await Organization.query(db).whereIn('ubn', ubns.filter((u) => /^\d{8}$/.test(u)))).map((o) => [o.ubn, o]));
  const seen = new Set<string>();
  const rows = table.rows.map((r, i): BulkOrganizationRow => {
    const name = text(r.cells, index('name'));
    const ubn = ubns[i] ?? '';
    const contact = { name: text(r.cells, index('leader')), phone: text(r.cells, index('phone')), email: text(r.cells, index('email')) };
    const problems: BulkProblemCode[] = [];
    if (name === '') problems.push('name_missing');
    else if (name.length > 200) problems.push('name_too_long');
    if ([name, contact.name, contact.phone, contact.email].some((t) => CONTROL.test(t))) problems.push('text_invalid');
    if (ubn === '') problems.push('ubn_missing');
    else if (!/^\d{8}$/.test(ubn) || !ubnChecksumOk(ubn)) problems.push('ubn_invalid');
    else if (seen.has(ubn)) problems.push('ubn_duplicate');
    seen.add(ubn);
    const held = existing.get(ubn);
    if (problems.length === 0 && held !== undefined && held.parent_id !== parent.id) problems.push('ubn_taken');
    const status = problems.length > 0 ? 'refused' : held !== undefined ? 'exists' : 'create';
    return { row: r.line, name, ubn, status, problems, contact };
  });
  const applicable = !request.dryRun && rows.every((r) => r.status !== 'refused');
  if (!applicable) return { ok: true, dryRun: request.dryRun, applied: false, rows };
  await db.transaction(async (trx) => {
    for (const r of rows.filter((row) => row.status === 'create')) {
      const org = await Organization.query(trx).insertAndFetch({
        kind: 'union',
        name: r.name,
        ubn: r.ubn,
        parent_id: parent.id,
        code: null,
        contact_name: r.contact.name === '' ? null : r.contact.name,
        contact_phone: r.contact.phone === '' ? null : r.contact.phone,
        contact_email: r.contact.email === '' ? null : r.contact.email,
      });
      await recordAdminAction(trx, { actorId: actor.id, action: 'org.bulk_create', targetOrgId: org.id, details: { name: org.name, ubn: org.ubn, row: r.row } });
    }
  });
  return { ok: true, dryRun: false, applied: true, rows };
};

// ── users ────────────────────────────────────────────────────────────────────────────────────────────────────────────

const USER_COLUMNS: Readonly<Record<'username' | 'displayName' | 'email' | 'ubn' | 'organization', readonly string[]>> = {
  username: ['帳號', 'username', 'account'],
  displayName: ['姓名', 'name', 'display_name'],
  email: ['Email', 'e-mail', '電子郵件', '電子信箱'],
  ubn: ['統一編號', 'ubn'],
  organization: ['機關', '機關名稱', 'organization'],
};
type UserColumn = keyof typeof USER_COLUMNS;

export interface BulkUserRow {
  readonly row: number;
  readonly username: string;
  readonly displayName: string;
  readonly email: string;
  readonly organization: string | null;
  readonly status: 'create' | 'refused';
  readonly problems: readonly BulkProblemCode[];
}

const ROLE_OF: Readonly<Record<OrgKind, Role>> = { ministry: 'ministry', local_gov: 'local_gov', union: 'union' };

/**
 * A password hash no password matches (not scrypt's format, so verification always fails): bulk-created users sign in
 * only after a reset link or a temporary password sets a real one.
 */
const unusableHash = (): string => `!unset!${randomBytes(16).toString('hex')}`;

/**
 * Users from a file: each row's organisation by 統一編號 (a union) or 機關 (the name of a local government, the ministry
 * or a union) within the admin's reach; the role follows the organisation. They are created without a usable password
 * and must change it: each needs a reset link (or a temporary password) before the first sign-in.
 */
export const bulkCreateUsers = async (db: Knex, actor: User, request: BulkRequest): Promise<Outcome<BulkResult<BulkUserRow>>> => {
  const table = await readRows(request.bytes);
  if (!table.ok) return table;
  const lookup = new Map<string, UserColumn>();
  for (const [key, names] of Object.entries(USER_COLUMNS) as [UserColumn, readonly string[]][]) for (const n of names) lookup.set(normaliseHeader(n), key);
  const columns = new Map<UserColumn, number>();
  table.header.forEach((cell, i) => {
    const key = lookup.get(normaliseHeader(cellText(cell) ?? ''));
    if (key !== undefined && !columns.has(key)) columns.set(key, i);
  });
  const missing = [...(columns.has('username') ? [] : ['帳號']), ...(columns.has('ubn') || columns.has('organization') ? [] : ['統一編號或機關'])];
  if (missing.length > 0) return refuse('bulk.header_invalid', { missing: missing.join('、') });

  const reachable = await Organization.query(db).whereIn('id', manageableOrgIds(db, actor) as never);
  const byUbn = new Map(reachable.filter((o) => o.ubn !== null).map((o) => [o.ubn, o]));
  const byName = new Map<string, Organization | null>();
  // a name two organisations share is ambiguous: such a row must give the UBN
  for (const o of reachable) byName.set(o.name, byName.has(o.name) ? null : o);
  const usernames = table.rows.map((r) => toHalfWidth(text(r.cells, columns.get('username'))).trim());
  const taken = new Set(
    (await db('users').whereIn(db.raw('lower(username)') as never, usernames.map((u) => u.toLowerCase())).select<{ username: string }[]>('username')).map((u) => u.username.toLowerCase()),
  );
  const seen = new Set<string>();
  const planned: { row: BulkUserRow; org: Organization | undefined }[] = table.rows.map((r, i) => {
    const username = usernames[i] ?? '';
    const displayName = text(r.cells, columns.get('displayName'));
    const email = toHalfWidth(text(r.cells, columns.get('email'))).trim();
    const ubn = ubnOf(text(r.cells, columns.get('ubn')));
    const orgName = text(r.cells, columns.get('organization'));
    const problems: BulkProblemCode[] = [];
    if (!USERNAME.test(username)) problems.push('username_invalid');
    else if (seen.has(username.toLowerCase())) problems.push('username_duplicate');
    else if (taken.has(username.toLowerCase())) problems.push('username_taken');
    seen.add(username.toLowerCase());
    if (CONTROL.test(displayName)) problems.push('text_invalid');
    if (displayName.length > 100) problems.push('display_name_too_long');
    if (email !== '' && (!EMAIL.test(email) || email.length > 200)) problems.push('email_invalid');
    const org = ubn !== '' ? byUbn.get(ubn) : orgName !== '' ? (byName.get(orgName) ?? undefined) : undefined;
    if (ubn === '' && orgName === '') problems.push('organization_missing');
    else if (org === undefined) problems.push('organization_not_found');
    else if (org.disabled) problems.push('organization_disabled');
    return { row: { row: r.line, username, displayName, email, organization: org?.name ?? null, status: problems.length > 0 ? 'refused' : 'create', problems }, org };
  });
  const rows = planned.map((p) => p.row);
  if (request.dryRun || rows.some((r) => r.status === 'refused')) return { ok: true, dryRun: request.dryRun, applied: false, rows };
  let linksMailed = 0;
  await db.transaction(async (trx) => {
    for (const { row, org } of planned) {
      if (org === undefined) continue;
      const user = await User.query(trx).insertAndFetch({
        username: row.username,
        password_hash: unusableHash(),
        organization_id: org.id,
        role: ROLE_OF[org.kind],
        is_admin: false,
        display_name: row.displayName === '' ? null : row.displayName,
        email: row.email === '' ? null : row.email,
        must_change_password: true,
      });
      await recordAdminAction(trx, { actorId: actor.id, action: 'user.bulk_create', targetUserId: user.id, targetOrgId: org.id, details: { username: user.username, row: row.row } });
      // a user with an address gets the reset link at once (in the same transaction: created and mailed, or neither)
      const link = await issueResetLink(trx, user, actor.id);
      if (link.mailed) {
        linksMailed += 1;
        await recordAdminAction(trx, { actorId: actor.id, action: 'user.reset_link', targetUserId: user.id, targetOrgId: org.id, details: { mailed: true } });
      }
    }
  });
  return { ok: true, dryRun: false, applied: true, rows, linksMailed };
};
