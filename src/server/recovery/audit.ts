/**
 * What recovery records. `username` is always Cognito's canonical username, and only once the password
 * proved who the caller is: what was typed in the username field is never logged (people type
 * passwords there).
 */
export type RecoveryAuditEvent =
  | { type: 'mfa_recovery_codes_generated'; username: string; at: string; total: number }
  | {
      type: 'mfa_recovery_used';
      username: string;
      at: string;
      ip?: string;
      remaining: number;
      /** Whether every session was ended too (`signOutAfterRecovery`). */
      signedOut?: boolean;
    }
  | {
      type: 'mfa_recovery_failed';
      /** Absent while the password is not proven. */
      username?: string;
      at: string;
      ip?: string;
      reason: 'NOT_AUTHORIZED' | 'CODE_INVALID' | 'CODE_USED' | 'RATE_LIMITED' | 'MFA_RESET_FAILED';
    };

/** May be async; if it throws, the failure is logged and the recovery's answer stands. */
export type RecoveryAuditSink = (event: RecoveryAuditEvent) => void | Promise<void>;

/** Default sink: one JSON line per event on stdout, for the host's log pipeline. */
export const logAuditEvent: RecoveryAuditSink = (event) => {
  console.info(JSON.stringify(event));
};
