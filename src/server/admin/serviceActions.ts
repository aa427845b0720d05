import type { MfaPolicy } from '../../core/mfaPolicy.js';
import type { AdminAuditEvent, PoolMfaConfig } from '../../ports.js';
import { type AdminContext, poolError, SYSTEM_ACTOR } from './serviceContext.js';
import type { AdminActor, SweepResult } from './serviceTypes.js';
import type { BypassRecord, UserMfaSettings } from './store.js';

/**
 * How a change is carried out and audited: the event written pending before it and settled after
 * (`act`), the steps of a reset and of ending a bypass, the lazy end of an expired bypass, and the
 * sweep that ends bypasses and completes interrupted actions.
 */
export function createAdminActions(c: AdminContext) {
  const { options, pool, store, now, iso, newId, emit, reindex, pendingAfterMs } = c;

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

  async function sweepExpiredBypasses(): Promise<SweepResult> {
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
  }

  return { act, resetSteps, endSteps, finishBypass, currentBypass, sweepExpiredBypasses };
}

export type AdminActions = ReturnType<typeof createAdminActions>;
