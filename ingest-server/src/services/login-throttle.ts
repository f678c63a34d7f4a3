// Login throttling kept in the database, so it survives restarts and holds across processes (issue 14). Each attempt is
// claimed before its password is verified and settled after: failures slow the account down with growing delays,
// successes never count. A browser the user has signed in from before (login-devices.ts) has a throttle of its own, so
// an attacker guessing from elsewhere never locks the owner out; per-address limits count failures only.
import { type Knex } from 'knex';

/** Consecutive failures an account (or a known device) may have before each further attempt must wait. */
export const FREE_FAILURES = 5;
/** The longest wait between two attempts: about one guess per 15 minutes once an account is under attack. */
export const MAX_DELAY_SECONDS = 15 * 60;
/** A counter with no failure for this long starts again from zero. */
export const FAILURE_MEMORY_HOURS = 24;
/** Failures from one address (any account) within the window before that address must wait; high, for NAT'd offices. */
export const MAX_FAILURES_PER_ADDRESS = 100;
export const ADDRESS_WINDOW_MINUTES = 15;
// a claim never settled (the process died while verifying) stops counting after this
const PENDING_STALE_MS = 2 * 60_000;
// how long an attempt waits for a free turn (other attempts of the same account still being verified) before giving up
const MAX_WAIT_MS = 30_000;
// waiters of this process are woken as attempts settle; the poll only notices attempts settled by other processes
const POLL_MS = 1000;

// the first wait, 2^5 s: long enough that a burst of parallel guesses all meet it, short enough for an owner's typos
const FIRST_DELAY_EXPONENT = 5;

/** The wait after n consecutive failures: none before the 5th, then 32, 64, 128 … seconds (2^k), at most 15 minutes. */
export const delayAfterFailures = (failures: number): number =>
  failures < FREE_FAILURES ? 0 : Math.min(2 ** (failures - FREE_FAILURES + FIRST_DELAY_EXPONENT), MAX_DELAY_SECONDS);

/** Who is trying: the account name (lower case), the client's address (req.ip) and the known device, if any. */
export interface LoginSource {
  readonly username: string;
  readonly ip: string;
  readonly deviceId: number | null;
}

export type Claim = { readonly ok: true; readonly attemptId: number } | { readonly ok: false; readonly until: Date };

const throttleKey = (source: LoginSource): string => (source.deviceId === null ? `account:${source.username}` : `device:${source.deviceId}`);
const addressKey = (source: LoginSource): string => `address:${source.ip}`;

const lock = (trx: Knex.Transaction, key: string) => trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`login|${key}`]);

interface ThrottleState {
  readonly failures: number;
  readonly blockedUntil: Date | null;
}

const throttleState = async (trx: Knex.Transaction, key: string, now: Date): Promise<ThrottleState> => {
  const row = await trx('login_throttles').where('key', key).first<{ failures: number; last_failure_at: Date; blocked_until: Date | null } | undefined>();
  if (row === undefined || new Date(row.last_failure_at).getTime() < now.getTime() - FAILURE_MEMORY_HOURS * 3_600_000) return { failures: 0, blockedUntil: null };
  return { failures: row.failures, blockedUntil: row.blocked_until === null ? null : new Date(row.blocked_until) };
};

const count = async (query: Knex.QueryBuilder): Promise<number> => Number((await query.count<{ count: string | number }[]>('* as count'))[0]?.count ?? 0);

/** Attempts of this account (or device) still being verified. */
const pendingOf = (trx: Knex.Transaction, source: LoginSource, now: Date): Promise<number> => {
  const q = trx('login_attempts').whereNull('success').andWhere('at', '>', new Date(now.getTime() - PENDING_STALE_MS));
  return count(source.deviceId === null ? q.andWhere('username', source.username).whereNull('device_id') : q.andWhere('device_id', source.deviceId));
};

/** When the address may try again (null: now), and how many of its attempts fill its budget (failures + pending). */
const addressState = async (trx: Knex.Transaction, ip: string, now: Date): Promise<{ blockedUntil: Date | null; used: number }> => {
  const windowMs = ADDRESS_WINDOW_MINUTES * 60_000;
  const since = new Date(now.getTime() - windowMs);
  const staleBefore = new Date(now.getTime() - PENDING_STALE_MS);
  const [counts] = await trx('login_attempts')
    .where('ip', ip)
    .andWhere('at', '>', since < staleBefore ? since : staleBefore)
    .select<{ failures: string | number; pending: string | number }[]>(
      trx.raw('count(*) FILTER (WHERE success = false AND at > ?) AS failures', [since]),
      trx.raw('count(*) FILTER (WHERE success IS NULL AND at > ?) AS pending', [staleBefore]),
    );
  const failures = Number(counts?.failures ?? 0);
  if (failures < MAX_FAILURES_PER_ADDRESS) return { blockedUntil: null, used: failures + Number(counts?.pending ?? 0) };
  // the failure that keeps the address at its limit: when it leaves the window, the address may try again
  const limiting = await trx('login_attempts')
    .where({ ip, success: false })
    .andWhere('at', '>', since)
    .orderBy('at', 'desc')
    .offset(MAX_FAILURES_PER_ADDRESS - 1)
    .first<{ at: Date }>('at');
  return { blockedUntil: new Date(new Date(limiting.at).getTime() + windowMs), used: failures };
};

type Try = Claim | { readonly ok: 'busy' };

/**
 * One try at a turn, under per-account (or per-device) and per-address locks: refused while a delay runs; busy while as
 * many attempts are being verified as failures remain before the next delay (so parallel guesses cannot slip past it).
 */
const tryClaim = (db: Knex, source: LoginSource, now: Date): Promise<Try> =>
  db.transaction(async (trx) => {
    const known = source.deviceId !== null;
    // always the account (or device) first, then the address: one lock order, so two claims never wait on each other in a cycle
    await lock(trx, throttleKey(source));
    if (!known) await lock(trx, addressKey(source));
    const state = await throttleState(trx, throttleKey(source), now);
    if (state.blockedUntil !== null && state.blockedUntil > now) return { ok: false as const, until: state.blockedUntil };
    if ((await pendingOf(trx, source, now)) >= Math.max(1, FREE_FAILURES - state.failures)) return { ok: 'busy' as const };
    // a known device is the owner's: failures from its address (a NAT'd office, a guesser nearby) do not stop it
    if (!known) {
      const address = await addressState(trx, source.ip, now);
      if (address.blockedUntil !== null) return { ok: false as const, until: address.blockedUntil };
      if (address.used >= MAX_FAILURES_PER_ADDRESS) return { ok: 'busy' as const };
    }
    const [row] = await trx('login_attempts').insert({ username: source.username, ip: source.ip, device_id: source.deviceId, success: null, at: now }).returning('id');
    return { ok: true as const, attemptId: Number((row as { id: number | string }).id) };
  });

// claims of one account (or device) in this process run one after another: they would wait for the same database lock
// anyway, and queueing here keeps them from holding a pooled connection each while they wait
const claiming = new Map<string, Promise<unknown>>();
const oneAtATime = <T>(key: string, work: () => Promise<T>): Promise<T> => {
  const run = (claiming.get(key) ?? Promise.resolve()).then(work, work);
  const tail = run.catch(() => undefined);
  claiming.set(key, tail);
  void tail.then(() => {
    if (claiming.get(key) === tail) claiming.delete(key);
  });
  return run;
};

// attempts of this process waiting for a turn, woken one at a time as attempts settle (others poll: other processes)
const waiting = new Map<string, Set<() => void>>();

const nextTurn = (keys: readonly string[]): Promise<void> =>
  new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      for (const key of keys) {
        const set = waiting.get(key);
        set?.delete(done);
        if (set?.size === 0) waiting.delete(key);
      }
      resolve();
    };
    const timer = setTimeout(done, POLL_MS);
    for (const key of keys) {
      const set = waiting.get(key) ?? new Set<() => void>();
      set.add(done);
      waiting.set(key, set);
    }
  });

const wakeOne = (key: string): void => {
  const first = waiting.get(key)?.values().next().value;
  first?.();
};

/** Claims a turn to verify one password: the attempt id, or until when this source must wait. */
export const claimAttempt = async (db: Knex, source: LoginSource): Promise<Claim> => {
  const giveUp = Date.now() + MAX_WAIT_MS;
  for (let waited = false; ; waited = true) {
    const tried = await oneAtATime(throttleKey(source), () => tryClaim(db, source, new Date()));
    if (tried.ok === true) return tried;
    if (tried.ok === false) {
      // a delay has started while this attempt waited: the next waiter learns it at once too
      if (waited) {
        wakeOne(throttleKey(source));
        wakeOne(addressKey(source));
      }
      return tried;
    }
    if (Date.now() >= giveUp) return { ok: false, until: new Date(Date.now() + 60_000) };
    await nextTurn([throttleKey(source), addressKey(source)]);
  }
};

/** Settles a claimed attempt: a success clears the account's (or device's) failures, a failure may start a delay. */
export const settleAttempt = async (db: Knex, source: LoginSource, attemptId: number, success: boolean): Promise<void> => {
  const key = throttleKey(source);
  await db.transaction(async (trx) => {
    const now = new Date();
    await lock(trx, key);
    await trx('login_attempts').where('id', attemptId).update({ success });
    if (success) {
      await trx('login_throttles').where('key', key).delete();
      return;
    }
    const failures = (await throttleState(trx, key, now)).failures + 1;
    const delay = delayAfterFailures(failures);
    await trx('login_throttles')
      .insert({ key, failures, last_failure_at: now, blocked_until: delay === 0 ? null : new Date(now.getTime() + delay * 1000) })
      .onConflict('key')
      .merge();
  });
  wakeOne(key);
  wakeOne(addressKey(source));
};

/** An admin reset the password: the account's delay (not its known devices' or addresses') is lifted. */
export const forgetAccountThrottle = async (db: Knex, username: string): Promise<void> => {
  await db('login_throttles').where('key', `account:${username.trim().toLowerCase()}`).delete();
};

/** Counters and attempts of no further use. */
export const pruneLoginThrottle = async (db: Knex, now = new Date()): Promise<void> => {
  await db('login_throttles').where('last_failure_at', '<', new Date(now.getTime() - FAILURE_MEMORY_HOURS * 3_600_000)).delete();
  await db('login_attempts').where('at', '<', new Date(now.getTime() - 7 * 86_400_000)).delete();
};

const ACCOUNT_PREFIX = 'account:';

/** The lower-case account names now waiting out a delay (a subquery for the administrators' "locked" filter). */
export const lockedAccountNames = (db: Knex, now = new Date()): Knex.QueryBuilder =>
  db('login_throttles')
    .where('key', 'like', `${ACCOUNT_PREFIX}%`)
    .andWhere('blocked_until', '>', now)
    .select(db.raw('substr(key, ?) as username', [ACCOUNT_PREFIX.length + 1]));

/** Until when each of these accounts must wait before its next sign-in attempt (only the ones waiting now). */
export const accountLocks = async (db: Knex, usernames: readonly string[], now = new Date()): Promise<Map<string, Date>> => {
  if (usernames.length === 0) return new Map();
  const rows = await db('login_throttles')
    .whereIn('key', usernames.map((u) => `${ACCOUNT_PREFIX}${u.trim().toLowerCase()}`))
    .andWhere('blocked_until', '>', now)
    .select<{ key: string; blocked_until: Date }[]>('key', 'blocked_until');
  return new Map(rows.map((r) => [r.key.slice(ACCOUNT_PREFIX.length), new Date(r.blocked_until)]));
};
