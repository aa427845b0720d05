import type { RecoveryAuditSink } from '../recovery/audit.js';
import type { AdminStore } from './store.js';

/**
 * A recovery audit sink that also files each `mfa_recovery_used` in the admin store, so the admin
 * audit log shows self-service recoveries beside admin resets. Pass it as `createMfaHandler`'s `audit`;
 * `next` still receives every recovery event. (Recovery writes its event after the reset, as before:
 * a crash in between loses that event; the admin actions use the store's pending events instead.)
 */
export function recordRecoveryInAdminStore(
  store: AdminStore,
  next?: RecoveryAuditSink,
  newId: () => string = () => crypto.randomUUID(),
): RecoveryAuditSink {
  return async (event) => {
    if (event.type === 'mfa_recovery_used')
      await store.appendEvent({
        id: newId(),
        type: 'mfa_recovery_used',
        at: event.at,
        actor: event.username,
        target: event.username,
        requestId: 'recovery',
        status: 'done',
        details: {
          remaining: event.remaining,
          ...(event.ip ? { ip: event.ip } : {}),
          ...(event.signedOut === undefined ? {} : { signedOut: event.signedOut }),
        },
      });
    await next?.(event);
  };
}
