import { MfaAdminError } from '../../core/adminErrors.js';
import { adoptionSnapshotOf } from '../../core/adoption.js';
import type { AdminUserRow, AdoptionSnapshot } from '../../ports.js';
import { exportComplianceFile } from './complianceExport.js';
import { webCryptoSha256 } from './digest.js';
import { createAdminActions } from './serviceActions.js';
import { createAdminContext } from './serviceContext.js';
import { createAdminSettings } from './serviceSettings.js';
import type { MfaAdminService, MfaAdminServiceOptions } from './serviceTypes.js';
import { MAX_BYPASS_HOURS } from './serviceTypes.js';
import { createAdminUsers } from './serviceUsers.js';
import type { BypassRecord, UserMfaSettings } from './store.js';

export {
  type AdminActor,
  type AdminAuditSink,
  type BackfillOptions,
  type GraceSubject,
  MAX_BYPASS_HOURS,
  type MfaAdminService,
  type MfaAdminServiceOptions,
  type SweepResult,
} from './serviceTypes.js';

/**
 * The rules of MFA administration, shared by `createMfaAdminHandler` and the simulator's `admin`
 * adapter: justification, no self-service, bypass only where the pool allows it, an event written
 * before every change and settled after it, bypasses that end themselves.
 */
export function createMfaAdminService(options: MfaAdminServiceOptions): MfaAdminService {
  const c = createAdminContext(options);
  const { pool, store, now, iso, newId, emit, withPool, loadPolicy, rowOf, indexUser } = c;
  const { requireUsername, requireJustification, requireUser, refuseSelf } = c;
  const actions = createAdminActions(c);
  const { act, resetSteps, currentBypass, finishBypass } = actions;
  const users = createAdminUsers(c, actions);
  const { rowFor, allRows } = users;
  const settings = createAdminSettings(c, users, actions);

  /** Stores the adoption snapshot of `rows` (where the store keeps them), and answers it. */
  async function keepSnapshot(rows: AdminUserRow[], at: string): Promise<AdoptionSnapshot> {
    const snapshot = adoptionSnapshotOf(rows, at);
    await store.putAdoptionSnapshot?.(snapshot);
    return snapshot;
  }
  const { refuseInPoolWithMfaOn } = settings;

  return {
    getPoolMfaConfig: settings.getPoolMfaConfig,
    setPoolMfaConfig: settings.setPoolMfaConfig,
    listUsers: users.listUsers,
    getUser: users.getUser,
    refreshUser: users.refreshUser,
    backfillStatusIndex: users.backfillStatusIndex,
    getPolicy: settings.getPolicy,
    setPolicy: settings.setPolicy,
    sweepExpiredBypasses: actions.sweepExpiredBypasses,

    async recordAdoptionSnapshot() {
      await loadPolicy();
      return keepSnapshot(await withPool(allRows), iso());
    },

    async listAdoptionSnapshots(input = {}) {
      const limit = Math.min(Math.max(Math.floor(Number(input.limit ?? 24)) || 24, 1), 366);
      return (await store.listAdoptionSnapshots?.(limit)) ?? [];
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
          recordSnapshot: keepSnapshot,
        },
        actor,
        input,
      );
    },
  };
}
