import { isValidJustification, MfaAdminError } from '../../core/adminErrors.js';
import { evaluateMfaCompliance, type MfaPolicy } from '../../core/mfaPolicy.js';
import type { AdminAuditEvent, AdminUserRow, MfaMethod } from '../../ports.js';
import { ALL_METHODS, type PoolUser } from './pool.js';
import type { AdminActor, MfaAdminServiceOptions } from './serviceTypes.js';
import type { BypassRecord, MfaStatusEntry } from './store.js';

const USERNAME = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,128}$/u;
export const SYSTEM_ACTOR = 'system';

/** Runs `work` over `items`, at most `limit` at a time, keeping order. */
export async function mapLimit<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export function poolError(error: unknown): MfaAdminError {
  if (error instanceof MfaAdminError) return error;
  const name = error instanceof Error ? error.name : 'Error';
  return new MfaAdminError('POOL_ERROR', `The user pool refused the change (${name}).`, { cause: error });
}

export const methodsIn = (methods: unknown): MfaMethod[] =>
  Array.isArray(methods) ? methods.filter((m): m is MfaMethod => ALL_METHODS.includes(m as MfaMethod)) : [];

/**
 * What every part of the admin service shares: the options, time and ids, the audit sink, input
 * checks, the policy in force and how a user becomes a row (and an index entry).
 */
export function createAdminContext(options: MfaAdminServiceOptions) {
  const { pool, store } = options;
  const now = options.now ?? Date.now;
  const iso = (at = now()) => new Date(at).toISOString();
  const newId = options.newId ?? (() => crypto.randomUUID());
  const concurrency = options.concurrency ?? 4;
  const pendingAfterMs = (options.pendingAfterSeconds ?? 120) * 1000;

  async function emit(event: AdminAuditEvent | undefined): Promise<void> {
    if (!event || !options.audit) return;
    try {
      await options.audit(event);
    } catch (error) {
      // The event is in the store already: a sink outage changes nothing.
      console.error('mfa-kit: the admin audit sink failed', error);
    }
  }

  function requireUsername(username: unknown): string {
    if (typeof username !== 'string' || !USERNAME.test(username))
      throw new MfaAdminError('INVALID_REQUEST', 'A username of 1–128 characters is required.');
    return username;
  }

  function requireJustification(justification: unknown): string {
    if (!isValidJustification(justification))
      throw new MfaAdminError(
        'JUSTIFICATION_REQUIRED',
        'A business justification of at least 10 characters (at most 1000) is required.',
      );
    return justification;
  }

  async function requireUser(username: string): Promise<PoolUser> {
    let user: PoolUser | undefined;
    try {
      user = await pool.getUser(username);
    } catch (error) {
      throw poolError(error);
    }
    if (!user) throw new MfaAdminError('USER_NOT_FOUND', 'The pool has no such user.');
    return user;
  }

  function refuseSelf(actor: AdminActor, typed: string, user: PoolUser): void {
    if (actor.username === user.username || actor.username === typed)
      throw new MfaAdminError(
        'SELF_ACTION_FORBIDDEN',
        'An admin cannot reset or bypass their own MFA: ask another admin.',
      );
  }

  /** The stored policy, read again at each admin read (one store read) so every server agrees. */
  let activePolicy: MfaPolicy | undefined;
  async function loadPolicy(): Promise<MfaPolicy | undefined> {
    activePolicy = await store.getPolicy();
    return activePolicy;
  }

  /** Compliance by the enforcement policy; `undefined` while none is set. */
  function policyCompliance(
    user: Omit<PoolUser, 'hasPhone'>,
  ): Pick<AdminUserRow, 'compliance' | 'graceUntil'> | undefined {
    if (!activePolicy) return undefined;
    const verdict = evaluateMfaCompliance(activePolicy, {
      groups: user.groups,
      enabledMethods: user.methods,
      ...(user.createdAt ? { userCreatedAt: Date.parse(user.createdAt) } : {}),
      now: now(),
    });
    if (verdict.compliant) return { compliance: 'compliant' };
    if (verdict.status === 'grace' && verdict.graceUntil !== undefined)
      return { compliance: 'in_grace', graceUntil: iso(verdict.graceUntil) };
    return { compliance: 'non_compliant' };
  }

  function rowOf(
    user: Omit<PoolUser, 'hasPhone'>,
    bypass: Pick<BypassRecord, 'until'> | undefined,
  ): AdminUserRow {
    const at = iso();
    const base = {
      username: user.username,
      ...(user.email ? { email: user.email } : {}),
      groups: [...user.groups],
      methods: [...user.methods],
      ...(user.preferred ? { preferred: user.preferred } : {}),
      ...(user.lastModifiedAt ? { lastChangedAt: user.lastModifiedAt } : {}),
    };
    if (bypass && bypass.until > at) return { ...base, compliance: 'bypassed', bypassUntil: bypass.until };
    const byPolicy = policyCompliance(user);
    if (byPolicy) return { ...base, ...byPolicy };
    if (user.methods.length > 0) return { ...base, compliance: 'compliant' };
    const graceUntil = options.graceUntil?.(user);
    if (graceUntil && graceUntil > at) return { ...base, compliance: 'in_grace', graceUntil };
    return { ...base, compliance: 'non_compliant' };
  }

  /** Writes the user's index entry (what the pool says, and an active bypass's end). */
  async function indexUser(user: Omit<PoolUser, 'hasPhone'>, bypassUntil?: string): Promise<void> {
    const entry: MfaStatusEntry = {
      username: user.username,
      ...(user.email ? { email: user.email } : {}),
      groups: [...user.groups],
      methods: [...user.methods],
      ...(user.preferred ? { preferred: user.preferred } : {}),
      ...(user.createdAt ? { createdAt: user.createdAt } : {}),
      ...(user.lastModifiedAt ? { lastModifiedAt: user.lastModifiedAt } : {}),
      ...(bypassUntil ? { bypassUntil } : {}),
      indexedAt: iso(),
    };
    await store.putStatus(entry);
  }

  /** Re-reads the user and rewrites the entry; an index failure never fails the action it follows. */
  async function reindex(username: string): Promise<PoolUser | undefined> {
    try {
      const user = await pool.getUser(username);
      if (user) await indexUser(user, (await store.getBypass(user.username))?.until);
      else await store.deleteStatus(username);
      return user;
    } catch (error) {
      console.error('mfa-kit: updating the MFA-status index failed', error);
      return undefined;
    }
  }

  async function withPool<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw poolError(error);
    }
  }

  return {
    options,
    pool,
    store,
    now,
    iso,
    newId,
    concurrency,
    pendingAfterMs,
    emit,
    requireUsername,
    requireJustification,
    requireUser,
    refuseSelf,
    loadPolicy,
    rowOf,
    indexUser,
    reindex,
    withPool,
    /** The policy read by the last `loadPolicy` (or just set). */
    get activePolicy(): MfaPolicy | undefined {
      return activePolicy;
    },
    set activePolicy(policy: MfaPolicy | undefined) {
      activePolicy = policy;
    },
  };
}

export type AdminContext = ReturnType<typeof createAdminContext>;
