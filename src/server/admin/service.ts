import { isValidJustification, MfaAdminError } from '../../core/adminErrors.js';
import {
  createMfaPolicy,
  evaluateMfaCompliance,
  type MfaPolicy,
  MfaPolicyError,
} from '../../core/mfaPolicy.js';
import type {
  AdminAuditEvent,
  AdminAuditQuery,
  AdminBypassInput,
  AdminBypassResult,
  AdminListUsersInput,
  AdminPage,
  AdminResetInput,
  AdminUserRow,
  ComplianceExport,
  ComplianceExportInput,
  MfaMethod,
  PoolMfaChangeImpact,
  PoolMfaConfig,
  SetMfaPolicyInput,
  SetPoolMfaConfigInput,
  SetPoolMfaConfigResult,
} from '../../ports.js';
import type { RecoveryCodeStore } from '../recovery/store.js';
import { exportComplianceFile } from './complianceExport.js';
import { type Sha256, webCryptoSha256 } from './digest.js';
import { type AdminPool, ALL_METHODS, type PoolUser } from './pool.js';
import type {
  AdminStore,
  BackfillCheckpoint,
  BypassRecord,
  MfaStatusEntry,
  MfaStatusQuery,
  UserMfaSettings,
} from './store.js';
import { tokenBucket } from './tokenBucket.js';

/** Receives every settled admin event (after it is in the store). May be async; a throw is logged. */
export type AdminAuditSink = (event: AdminAuditEvent) => void | Promise<void>;

/** Who acts, as the handler established it from the verified access token. */
export interface AdminActor {
  username: string;
  /** The request's id, recorded with the event. */
  requestId: string;
}

export interface MfaAdminServiceOptions {
  pool: AdminPool;
  store: AdminStore;
  /** The recovery-code store of `createMfaHandler`: a reset invalidates the user's codes there. */
  recoveryStore?: RecoveryCodeStore;
  audit?: AdminAuditSink;
  /**
   * Until when (ISO 8601) a user without MFA is still in their grace period. Used while no enforcement
   * policy is set (`setPolicy`); with one, the policy decides (required roles, methods each role
   * accepts, grace from account creation or policy start). Default: no grace, so `non_compliant`.
   */
  graceUntil?: (user: GraceSubject) => string | undefined;
  /**
   * List, filter and search from the MFA-status index in the store instead of paging through Cognito
   * (one `AdminGetUser` per listed user). Fill it with `backfillStatusIndex()` first; every change
   * made here, and every single-user read, keeps it current. Default false.
   */
  statusIndex?: boolean;
  /** A pending event older than this was interrupted (a crash): the sweep completes it. Default 120. */
  pendingAfterSeconds?: number;
  /** How many `AdminGetUser` calls run at once while listing. Default 4. */
  concurrency?: number;
  /**
   * SHA-256 of an export, recorded in its `compliance_exported` event. Default WebCrypto
   * (`crypto.subtle`); `createMfaAdminHandler` passes Node's crypto module.
   */
  sha256?: Sha256;
  now?: () => number;
  newId?: () => string;
}

/** A user as the pool or the index knows them. */
type IndexedUser = Omit<PoolUser, 'hasPhone'> & { bypassUntil?: string };

/** What a grace rule may look at. */
export type GraceSubject = Pick<PoolUser, 'username' | 'groups' | 'createdAt' | 'email'>;

export interface BackfillOptions {
  /**
   * Cognito calls per second, all kinds together (ListUsers, AdminGetUser, AdminListGroupsForUser).
   * Default 5: far under Cognito's default quotas (UserRead 120/s, UserList 30/s), so the pool's own
   * sign-ins and your other admin calls keep their share.
   */
  ratePerSecond?: number;
  /** Stop after this many `ListUsers` pages (60 users each); the next call resumes. Default: all. */
  maxPages?: number;
  /** Start from the first page even if an earlier run stopped midway. */
  restart?: boolean;
  signal?: AbortSignal;
  /** For tests: how to wait for the next token. */
  sleep?: (ms: number) => Promise<void>;
}

export interface SweepResult {
  /** Bypasses that had run out and were ended (MFA restored). */
  expired: number;
  /** Interrupted actions completed from their pending events. */
  completed: number;
}

export interface MfaAdminService {
  getPoolMfaConfig(): Promise<PoolMfaConfig>;
  setPoolMfaConfig(actor: AdminActor, input: SetPoolMfaConfigInput): Promise<SetPoolMfaConfigResult>;
  /** Each listed user with an expired bypass has it ended first (the lazy path). */
  listUsers(input?: AdminListUsersInput): Promise<AdminPage<AdminUserRow>>;
  getUser(username: string): Promise<AdminUserRow>;
  resetUserMfa(actor: AdminActor, input: AdminResetInput): Promise<AdminUserRow>;
  bypassUserMfa(actor: AdminActor, input: AdminBypassInput): Promise<AdminBypassResult>;
  endBypass(actor: AdminActor, input: { username: string }): Promise<AdminUserRow>;
  getAuditLog(query?: AdminAuditQuery): Promise<AdminPage<AdminAuditEvent>>;
  /** See `AdminAdapter.exportCompliance`; recorded as `compliance_exported` by `actor`. */
  exportCompliance(actor: AdminActor, input: ComplianceExportInput): Promise<ComplianceExport>;
  getPolicy(): Promise<MfaPolicy | null>;
  setPolicy(actor: AdminActor, input: SetMfaPolicyInput): Promise<MfaPolicy>;
  /**
   * Ends every bypass that has run out and completes interrupted actions. Schedule it (EventBridge,
   * every few minutes): the library owns no timer. Reads also end expired bypasses of the users they touch.
   */
  sweepExpiredBypasses(): Promise<SweepResult>;
  /**
   * Re-reads one user from Cognito into the MFA-status index, e.g. after the user changed their own
   * MFA (enrolment, recovery). Resolves `undefined` for a user the pool no longer has.
   */
  refreshUser(username: string): Promise<AdminUserRow | undefined>;
  /**
   * Fills the MFA-status index: pages through `ListUsers` and reads each user at `ratePerSecond`,
   * saving a checkpoint after every page, so a stopped run (timeout, deploy) resumes where it was.
   * A finished run starts over on the next call (a refresh).
   */
  backfillStatusIndex(options?: BackfillOptions): Promise<BackfillCheckpoint>;
}

export const MAX_BYPASS_HOURS = 24;
const USERNAME = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,128}$/u;
const SYSTEM_ACTOR = 'system';

/** Runs `work` over `items`, at most `limit` at a time, keeping order. */
async function mapLimit<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
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

function poolError(error: unknown): MfaAdminError {
  if (error instanceof MfaAdminError) return error;
  const name = error instanceof Error ? error.name : 'Error';
  return new MfaAdminError('POOL_ERROR', `The user pool refused the change (${name}).`, { cause: error });
}

const methodsIn = (methods: unknown): MfaMethod[] =>
  Array.isArray(methods) ? methods.filter((m): m is MfaMethod => ALL_METHODS.includes(m as MfaMethod)) : [];

/**
 * The rules of MFA administration, shared by `createMfaAdminHandler` and the simulator's `admin`
 * adapter: justification, no self-service, bypass only where the pool allows it, an event written
 * before every change and settled after it, bypasses that end themselves.
 */
export function createMfaAdminService(options: MfaAdminServiceOptions): MfaAdminService {
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

  /**
   * Writes `event` pending, applies the change, settles the event. A pool failure settles it `failed`
   * (after `undo`) and is thrown; a crash leaves it pending for `completePending`.
   */
  async function act(
    event: AdminAuditEvent,
    apply: () => Promise<Record<string, unknown> | undefined>,
    undo?: () => Promise<void>,
  ): Promise<AdminAuditEvent | undefined> {
    if (!(await store.appendEvent(event))) return undefined;
    let extra: Record<string, unknown> | undefined;
    try {
      extra = await apply();
    } catch (error) {
      try {
        await undo?.();
      } catch (undoError) {
        console.error('mfa-kit: undoing a failed admin action failed', undoError);
      }
      const failed = await store.settleEvent(event.id, 'failed', {
        error: error instanceof Error ? error.name : 'Error',
      });
      await emit(failed);
      throw poolError(error);
    }
    const done = await store.settleEvent(event.id, 'done', extra);
    await emit(done);
    return done;
  }

  async function resetSteps(username: string, previous: UserMfaSettings): Promise<Record<string, unknown>> {
    await pool.setUserMfa(username, { methods: [] }, previous);
    let recoveryCodesInvalidated = false;
    if (options.recoveryStore) {
      // An empty set replaces the user's codes: every earlier code stops working.
      await options.recoveryStore.put({
        username,
        setId: `reset-${newId()}`,
        salt: '',
        createdAt: iso(),
        codes: [],
      });
      recoveryCodesInvalidated = true;
    }
    const devicesForgotten = await pool.forgetDevices(username);
    // A reset ends any bypass without restoring: the old factor is exactly what is being removed.
    const bypass = await store.getBypass(username);
    const bypassEnded = bypass ? await store.deleteBypass(username, bypass.bypassId) : false;
    return { recoveryCodesInvalidated, devicesForgotten, bypassEnded };
  }

  /** Turns the recorded factors back on (keeping any the user added meanwhile), then drops the bypass. */
  async function endSteps(record: BypassRecord): Promise<Record<string, unknown>> {
    const user = await pool.getUser(record.username);
    if (user) {
      const methods = [...new Set([...record.previous.methods, ...user.methods])];
      const preferred = record.previous.preferred ?? user.preferred;
      await pool.setUserMfa(record.username, { methods, ...(preferred ? { preferred } : {}) }, user);
    }
    await store.deleteBypass(record.username, record.bypassId);
    if (user) await reindex(record.username);
    return user ? { restored: record.previous } : { userGone: true };
  }

  /**
   * Ends a bypass once, whoever gets there first (the lazy read, the sweep or an admin): the event id
   * is derived from the bypass, so only one `appendEvent` succeeds. A pool failure leaves the event
   * pending, and the sweep retries it.
   */
  async function finishBypass(
    record: BypassRecord,
    type: 'mfa_bypass_ended' | 'mfa_bypass_expired',
    actor: AdminActor,
  ): Promise<boolean> {
    const event: AdminAuditEvent = {
      id: `${record.bypassId}.end`,
      type,
      at: iso(),
      actor: actor.username,
      target: record.username,
      requestId: actor.requestId,
      status: 'pending',
      details: { bypassId: record.bypassId, until: record.until, restore: record.previous },
    };
    if (!(await store.appendEvent(event))) {
      const existing = await store.getEvent(event.id);
      // Settled but the record survived (a crash between the two): finish the clean-up.
      if (existing?.status === 'done') await store.deleteBypass(record.username, record.bypassId);
      return false;
    }
    const extra = await endSteps(record);
    await emit(await store.settleEvent(event.id, 'done', extra));
    return true;
  }

  /** The lazy path: a read that touches a user first ends their bypass if it ran out. */
  async function currentBypass(username: string): Promise<{ record?: BypassRecord; expired: boolean }> {
    const record = await store.getBypass(username);
    if (!record || record.until > iso()) return { record, expired: false };
    try {
      await finishBypass(record, 'mfa_bypass_expired', {
        username: SYSTEM_ACTOR,
        requestId: `lazy-${newId()}`,
      });
    } catch (error) {
      // The event stays pending and the sweep retries; the read still answers.
      console.error('mfa-kit: ending an expired bypass failed', error);
      return { record, expired: false };
    }
    return { expired: true };
  }

  async function rowFor(username: string): Promise<AdminUserRow | undefined> {
    const { record, expired } = await currentBypass(username);
    const user = await pool.getUser(username);
    if (!user) return undefined;
    return rowOf(user, expired ? undefined : record);
  }

  /** Every user: from the index when it is on (no Cognito call), else page by page from the pool. */
  async function everyUser(visit: (user: IndexedUser) => void): Promise<void> {
    let cursor: string | undefined;
    if (options.statusIndex) {
      do {
        const page = await store.listStatuses({ limit: 100, ...(cursor ? { cursor } : {}) });
        for (const entry of page.items) visit(entry);
        cursor = page.cursor;
      } while (cursor);
      return;
    }
    do {
      const page = await pool.listUsernames({ cursor, limit: 60 });
      const users = await mapLimit(page.usernames, concurrency, (name) => pool.getUser(name));
      for (const user of users) if (user) visit(user);
      cursor = page.cursor;
    } while (cursor);
  }

  /** Every user's row now; an expired bypass is ended first (the lazy path). */
  async function allRows(): Promise<AdminUserRow[]> {
    const users: IndexedUser[] = [];
    await everyUser((user) => users.push(user));
    const at = iso();
    const rows = await mapLimit(users, concurrency, async (user): Promise<AdminUserRow | undefined> => {
      if (options.statusIndex && !(user.bypassUntil && user.bypassUntil <= at))
        return rowOf(user, user.bypassUntil ? { until: user.bypassUntil } : undefined);
      const { record, expired } = await currentBypass(user.username);
      const current = expired ? await pool.getUser(user.username) : user;
      return current ? rowOf(current, record) : undefined;
    });
    return rows.filter((row): row is AdminUserRow => row !== undefined);
  }

  function validConfig(input: SetPoolMfaConfigInput): PoolMfaConfig {
    if (!['OFF', 'OPTIONAL', 'ON'].includes(input?.mode))
      throw new MfaAdminError('INVALID_REQUEST', 'mode must be OFF, OPTIONAL or ON.');
    const methods = methodsIn(input.methods);
    if (!Array.isArray(input.methods) || methods.length !== input.methods.length)
      throw new MfaAdminError('INVALID_REQUEST', 'methods must list TOTP, SMS or EMAIL.');
    if (input.mode !== 'OFF' && methods.length === 0)
      throw new MfaAdminError('INVALID_REQUEST', 'MFA OPTIONAL or ON needs at least one method.');
    return { mode: input.mode, methods: [...new Set(methods)] };
  }

  async function impactOf(next: PoolMfaConfig): Promise<PoolMfaChangeImpact> {
    const impact: PoolMfaChangeImpact = {
      scanned: 0,
      withoutMfa: 0,
      sentToSetup: 0,
      lockedOut: 0,
      losingMfa: 0,
    };
    // Cognito offers TOTP and email for setup during sign-in, never SMS.
    const canSetUpWhileSigningIn = next.methods.includes('TOTP') || next.methods.includes('EMAIL');
    await everyUser((user) => {
      impact.scanned += 1;
      const usable = user.methods.filter((method) => next.methods.includes(method));
      if (next.mode === 'OFF') {
        if (user.methods.length > 0) impact.losingMfa += 1;
        return;
      }
      if (usable.length > 0) return;
      impact.withoutMfa += 1;
      if (next.mode !== 'ON') return;
      if (canSetUpWhileSigningIn) impact.sentToSetup += 1;
      else impact.lockedOut += 1;
    });
    return impact;
  }

  /**
   * Cognito does not let a factor be turned off while the pool requires MFA ("You can't turn off TOTP
   * MFA for any of your users when MFA is required in your user pool", SoftwareTokenMfaSettingsType),
   * so neither a bypass nor a reset can work there: refuse with the reason and what to do instead.
   */
  async function refuseInPoolWithMfaOn(
    code: 'BYPASS_UNAVAILABLE_POOL_MFA_ON' | 'RESET_UNAVAILABLE_POOL_MFA_ON',
    what: 'bypassed' | 'reset',
  ): Promise<void> {
    const config = await withPool(() => pool.getMfaConfig());
    if (config.mode !== 'ON') return;
    throw new MfaAdminError(
      code,
      `The pool requires MFA (ON): Cognito does not let a user's factors be turned off there, so MFA cannot be ${what}.`,
      {
        alternative:
          'Run the pool with MFA OPTIONAL and require MFA in the app (the enforcement policy), where bypass and reset work. In a pool with MFA ON, a lost authenticator is cleared only by deleting and re-creating the user.',
      },
    );
  }

  async function withPool<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw poolError(error);
    }
  }

  return {
    getPoolMfaConfig: () => withPool(() => pool.getMfaConfig()),

    async setPoolMfaConfig(actor, input) {
      const next = validConfig(input);
      if (input.justification !== undefined) requireJustification(input.justification);
      if (input.dryRun) return { applied: false, config: next, impact: await withPool(() => impactOf(next)) };
      const previous = await withPool(() => pool.getMfaConfig());
      await act(
        {
          id: newId(),
          type: 'pool_mfa_changed',
          at: iso(),
          actor: actor.username,
          ...(input.justification === undefined ? {} : { justification: input.justification }),
          requestId: actor.requestId,
          status: 'pending',
          details: { previous, next },
        },
        async () => {
          await pool.setMfaConfig(next);
          return undefined;
        },
      );
      return { applied: true, config: next };
    },

    async listUsers(input = {}) {
      await loadPolicy();
      const limit = Math.min(Math.max(Math.floor(Number(input.limit ?? 60)) || 60, 1), 60);
      const search = input.search?.trim() || undefined;
      if (options.statusIndex) return listFromIndex(input, limit, search);
      const page = await withPool(() => pool.listUsernames({ cursor: input.cursor, limit, search }));
      const rows = await withPool(() => mapLimit(page.usernames, concurrency, rowFor));
      const { compliance, role, method } = input.filter ?? {};
      const items = rows.filter(
        (row): row is AdminUserRow =>
          row !== undefined &&
          (!compliance || row.compliance === compliance) &&
          (!role || row.groups.includes(role)) &&
          (!method || (method === 'NONE' ? row.methods.length === 0 : row.methods.includes(method))),
      );
      return { items, ...(page.cursor ? { cursor: page.cursor } : {}) };
    },

    async getUser(username) {
      await loadPolicy();
      const name = requireUsername(username);
      const row = await withPool(() => rowFor(name));
      if (!row) {
        await store.deleteStatus(name).catch(() => {});
        throw new MfaAdminError('USER_NOT_FOUND', 'The pool has no such user.');
      }
      // A single-user read is live: it also refreshes the user's index entry.
      await indexUser(row, row.bypassUntil).catch((error: unknown) =>
        console.error('mfa-kit: updating the MFA-status index failed', error),
      );
      return row;
    },

    async refreshUser(username) {
      await loadPolicy();
      const name = requireUsername(username);
      await withPool(() => currentBypass(name));
      const user = await withPool(async () => reindex(name));
      if (!user) return undefined;
      return rowOf(user, await store.getBypass(user.username));
    },

    async backfillStatusIndex(backfill = {}) {
      const bucket = tokenBucket({
        ratePerSecond: backfill.ratePerSecond ?? 5,
        now,
        ...(backfill.sleep ? { sleep: backfill.sleep } : {}),
      });
      const previous = backfill.restart ? undefined : await store.getBackfill();
      const startedAt = previous && !previous.done ? previous.startedAt : iso();
      let checkpoint: BackfillCheckpoint =
        previous && !previous.done ? previous : { done: false, indexed: 0, startedAt, updatedAt: startedAt };
      let pages = 0;
      while (!checkpoint.done && (backfill.maxPages === undefined || pages < backfill.maxPages)) {
        if (backfill.signal?.aborted) break;
        await bucket.take();
        const cursor = checkpoint.cursor;
        const page = await withPool(() => pool.listUsernames({ ...(cursor ? { cursor } : {}), limit: 60 }));
        let indexed = checkpoint.indexed;
        for (const username of page.usernames) {
          // AdminGetUser and AdminListGroupsForUser.
          await bucket.take();
          await bucket.take();
          const user = await withPool(() => pool.getUser(username));
          if (!user) continue;
          await indexUser(user, (await store.getBypass(user.username))?.until);
          indexed += 1;
        }
        checkpoint = {
          ...(page.cursor ? { cursor: page.cursor } : {}),
          done: !page.cursor,
          indexed,
          startedAt,
          updatedAt: iso(),
        };
        await store.putBackfill(checkpoint);
        pages += 1;
      }
      return checkpoint;
    },

    async resetUserMfa(actor, input) {
      await loadPolicy();
      const typed = requireUsername(input?.username);
      const justification = requireJustification(input.justification);
      await refuseInPoolWithMfaOn('RESET_UNAVAILABLE_POOL_MFA_ON', 'reset');
      const user = await requireUser(typed);
      refuseSelf(actor, typed, user);
      const previous: UserMfaSettings = {
        methods: user.methods,
        ...(user.preferred ? { preferred: user.preferred } : {}),
      };
      await act(
        {
          id: newId(),
          type: 'mfa_reset',
          at: iso(),
          actor: actor.username,
          target: user.username,
          justification,
          requestId: actor.requestId,
          status: 'pending',
          details: { previous },
        },
        () => resetSteps(user.username, previous),
      );
      const after = { ...user, methods: [], preferred: undefined };
      await indexUser(after).catch((error: unknown) =>
        console.error('mfa-kit: updating the MFA-status index failed', error),
      );
      return rowOf(after, undefined);
    },

    async bypassUserMfa(actor, input) {
      await loadPolicy();
      const typed = requireUsername(input?.username);
      const justification = requireJustification(input.justification);
      const hours = input.hours ?? MAX_BYPASS_HOURS;
      if (typeof hours !== 'number' || !(hours > 0) || hours > MAX_BYPASS_HOURS)
        throw new MfaAdminError(
          'INVALID_REQUEST',
          `hours must be more than 0 and at most ${MAX_BYPASS_HOURS}.`,
        );
      await refuseInPoolWithMfaOn('BYPASS_UNAVAILABLE_POOL_MFA_ON', 'bypassed');
      const user = await requireUser(typed);
      refuseSelf(actor, typed, user);
      const { record: active } = await withPool(() => currentBypass(user.username));
      if (active)
        throw new MfaAdminError('ALREADY_BYPASSED', `MFA is already bypassed until ${active.until}.`);
      if (user.methods.length === 0)
        throw new MfaAdminError(
          'NO_MFA_TO_BYPASS',
          'The user has no MFA turned on: there is nothing to bypass.',
        );
      const previous: UserMfaSettings = {
        methods: user.methods,
        ...(user.preferred ? { preferred: user.preferred } : {}),
      };
      const startedAt = now();
      const record: BypassRecord = {
        username: user.username,
        bypassId: newId(),
        startedAt: iso(startedAt),
        until: iso(startedAt + hours * 3_600_000),
        actor: actor.username,
        justification,
        previous,
      };
      let raced = false;
      await act(
        {
          id: record.bypassId,
          type: 'mfa_bypass',
          at: record.startedAt,
          actor: actor.username,
          target: user.username,
          justification,
          requestId: actor.requestId,
          status: 'pending',
          details: { previous, until: record.until, hours },
        },
        async () => {
          if (!(await store.putBypass(record))) {
            raced = true;
            throw new MfaAdminError('ALREADY_BYPASSED', 'Another admin bypassed this user’s MFA meanwhile.');
          }
          await pool.setUserMfa(user.username, { methods: [] }, previous);
          return undefined;
        },
        async () => {
          if (!raced) await store.deleteBypass(record.username, record.bypassId);
        },
      );
      await indexUser({ ...user, methods: [], preferred: undefined }, record.until).catch((error: unknown) =>
        console.error('mfa-kit: updating the MFA-status index failed', error),
      );
      return { username: user.username, bypassUntil: record.until, previous };
    },

    async endBypass(actor, input) {
      await loadPolicy();
      const typed = requireUsername(input?.username);
      const user = await requireUser(typed);
      const { record } = await withPool(() => currentBypass(user.username));
      if (!record) throw new MfaAdminError('NOT_BYPASSED', 'The user’s MFA is not bypassed.');
      const ended = await withPool(() => finishBypass(record, 'mfa_bypass_ended', actor));
      if (!ended) throw new MfaAdminError('NOT_BYPASSED', 'The bypass was ended meanwhile.');
      const row = await withPool(() => rowFor(user.username));
      if (!row) throw new MfaAdminError('USER_NOT_FOUND', 'The pool has no such user.');
      return row;
    },

    getAuditLog: (query = {}) => store.queryEvents(query),

    async exportCompliance(actor, input) {
      return exportComplianceFile(
        {
          store,
          now,
          newId,
          sha256: options.sha256 ?? webCryptoSha256,
          poolConfig: () => withPool(() => pool.getMfaConfig()),
          policy: loadPolicy,
          users: () => withPool(allRows),
          emit,
        },
        actor,
        input,
      );
    },

    async getPolicy() {
      return (await loadPolicy()) ?? null;
    },

    async setPolicy(actor, input) {
      if (typeof input?.policy !== 'object' || input.policy === null)
        throw new MfaAdminError('INVALID_REQUEST', 'A policy object is required.');
      const justification = requireJustification(input.justification);
      let next: MfaPolicy;
      try {
        next = createMfaPolicy(input.policy);
      } catch (error) {
        if (error instanceof MfaPolicyError)
          throw new MfaAdminError('INVALID_REQUEST', error.message, { cause: error });
        throw error;
      }
      const previous = (await store.getPolicy()) ?? null;
      await act(
        {
          id: newId(),
          type: 'policy_changed',
          at: iso(),
          actor: actor.username,
          justification,
          requestId: actor.requestId,
          status: 'pending',
          details: { previous, next },
        },
        async () => {
          await store.putPolicy(next);
          return undefined;
        },
      );
      activePolicy = next;
      return next;
    },

    async sweepExpiredBypasses() {
      const result: SweepResult = { expired: 0, completed: 0 };
      const sweeper: AdminActor = { username: SYSTEM_ACTOR, requestId: `sweep-${newId()}` };
      // Interrupted actions first, so a bypass whose end was interrupted is finished, not started twice.
      for (const event of await store.pendingEvents(iso(now() - pendingAfterMs), 100)) {
        if (await completePending(event)) result.completed += 1;
      }
      for (const record of await store.expiredBypasses(iso(), 100)) {
        try {
          if (await finishBypass(record, 'mfa_bypass_expired', sweeper)) result.expired += 1;
        } catch (error) {
          // Left pending: the next sweep retries it.
          console.error('mfa-kit: ending an expired bypass failed', error);
        }
      }
      return result;
    },
  };

  /**
   * A page from the index: the store selects by username prefix, factor, group and bypass; the grace
   * rule is applied here. Reads no Cognito at all, except to end a bypass that ran out (lazy path).
   * A filtered page may hold fewer rows than `limit`: follow `cursor`.
   */
  async function listFromIndex(
    input: AdminListUsersInput,
    limit: number,
    search: string | undefined,
  ): Promise<AdminPage<AdminUserRow>> {
    const at = iso();
    const { compliance, role, method } = input.filter ?? {};
    const query: MfaStatusQuery = {
      ...(input.cursor ? { cursor: input.cursor } : {}),
      limit,
      ...(search ? { prefix: search } : {}),
      ...(role ? { role } : {}),
      ...(method ? { method } : {}),
      ...(compliance === 'bypassed' ? { bypassedAfter: at } : {}),
      // Without a policy, compliance is "has MFA"; with one it also depends on role and method.
      ...(compliance === 'compliant' && !activePolicy ? { hasMfa: true } : {}),
      ...((compliance === 'in_grace' || compliance === 'non_compliant') && !activePolicy
        ? { hasMfa: false }
        : {}),
    };
    const page = await store.listStatuses(query);
    const rows: AdminUserRow[] = [];
    for (const entry of page.items) {
      let current: MfaStatusEntry | undefined = entry;
      if (entry.bypassUntil && entry.bypassUntil <= at) {
        // Ran out: end it (the lazy path), and read the user again either way, so a stale entry heals.
        await withPool(() => currentBypass(entry.username));
        await reindex(entry.username);
        current = await store.getStatus(entry.username);
      }
      if (!current) continue;
      const row = rowOf(current, current.bypassUntil ? { until: current.bypassUntil } : undefined);
      if (!compliance || row.compliance === compliance) rows.push(row);
    }
    return { items: rows, ...(page.cursor ? { cursor: page.cursor } : {}) };
  }

  /** Redoes the change an interrupted event records (every step is idempotent), then settles it. */
  async function completePending(event: AdminAuditEvent): Promise<boolean> {
    const details = event.details ?? {};
    const target = event.target ?? '';
    try {
      let extra: Record<string, unknown> | undefined;
      if (event.type === 'mfa_reset') {
        const previous = details.previous as UserMfaSettings;
        extra = await resetSteps(target, previous);
      } else if (event.type === 'mfa_bypass') {
        const record: BypassRecord = {
          username: target,
          bypassId: event.id,
          startedAt: event.at,
          until: String(details.until),
          actor: event.actor,
          justification: event.justification ?? '',
          previous: details.previous as UserMfaSettings,
        };
        if (await store.putBypass(record)) {
          await pool.setUserMfa(target, { methods: [] }, record.previous);
        } else {
          await store.settleEvent(event.id, 'failed', { error: 'ALREADY_BYPASSED' });
          return true;
        }
      } else if (event.type === 'mfa_bypass_ended' || event.type === 'mfa_bypass_expired') {
        const record = await store.getBypass(target);
        if (record && record.bypassId === details.bypassId) extra = await endSteps(record);
      } else if (event.type === 'pool_mfa_changed') {
        await pool.setMfaConfig(details.next as PoolMfaConfig);
      } else if (event.type === 'policy_changed') {
        await store.putPolicy(details.next as MfaPolicy);
      }
      await emit(await store.settleEvent(event.id, 'done', { ...extra, completedBySweep: true }));
      if (target) await reindex(target);
      return true;
    } catch (error) {
      console.error('mfa-kit: completing an interrupted admin action failed', error);
      return false;
    }
  }
}
