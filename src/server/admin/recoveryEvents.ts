import type { RecoveryAuditSink } from '../recovery/audit.js';
import type { MfaAdminService } from './service.js';
import type { AdminStore } from './store.js';

export interface RecordRecoveryOptions {
  /** The admin store whose audit log also shows self-service recoveries. */
  store: AdminStore;
  /** With it, the user's MFA-status index entry is refreshed after a recovery reset their MFA. */
  admin?: Pick<MfaAdminService, 'refreshUser'>;
  /** Still receives every recovery event. */
  next?: RecoveryAuditSink;
  newId?: () => string;
}

/**
 * A recovery audit sink (`createMfaHandler`'s `audit`) that files each `mfa_recovery_used` in the admin
 * store, so the admin audit log shows self-service recoveries beside admin resets, and refreshes the
 * user's index entry. Recovery writes its event after the reset, as before: a crash in between loses
 * that event (the admin actions use the store's pending events instead).
 */
export function recordRecoveryInAdminStore(options: RecordRecoveryOptions): RecoveryAuditSink {
  const newId = options.newId ?? (() => crypto.randomUUID());
  return async (event) => {
    if (event.type === 'mfa_recovery_used') {
      await options.store.appendEvent({
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
      try {
        await options.admin?.refreshUser(event.username);
      } catch (error) {
        console.error('mfa-kit: refreshing the MFA-status index after a recovery failed', error);
      }
    }
    await options.next?.(event);
  };
}
