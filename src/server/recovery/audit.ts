export type RecoveryAuditEvent =
  | { type: 'mfa_recovery_codes_generated'; username: string; at: string; total: number }
  | { type: 'mfa_recovery_used'; username: string; at: string; ip?: string; remaining: number }
  | {
      type: 'mfa_recovery_failed';
      username: string;
      at: string;
      ip?: string;
      reason: 'NOT_AUTHORIZED' | 'CODE_INVALID' | 'CODE_USED' | 'RATE_LIMITED' | 'MFA_RESET_FAILED';
    };

export type RecoveryAuditSink = (event: RecoveryAuditEvent) => void | Promise<void>;

/** Default sink: one JSON line per event on stdout, for the host's log pipeline. */
export const logAuditEvent: RecoveryAuditSink = (event) => {
  console.info(JSON.stringify(event));
};
