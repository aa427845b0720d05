/** A fresh set of recovery codes. The plaintext codes exist only in this one response. */
export interface RecoveryCodeSet {
  /** Display form, `XXXXX-XXXXX`. */
  codes: string[];
  /** ISO 8601. */
  createdAt: string;
}

export interface RecoveryCodesStatus {
  /** Unused codes left; 0 when none were ever generated. */
  remaining: number;
  total: number;
  /** ISO 8601, absent when none were ever generated. */
  createdAt?: string;
}

/**
 * Why a redeem failed. `createMfaHandler` answers a wrong password, an unknown user and a wrong code
 * alike with `CODE_INVALID`, so the answer confirms neither a username nor a password; `CODE_USED` is
 * only said after the password is proven. `NOT_AUTHORIZED` is kept for other backends.
 */
export type RecoveryRedeemFailure = 'NOT_AUTHORIZED' | 'CODE_INVALID' | 'CODE_USED' | 'RATE_LIMITED';

export type RecoveryRedeemResult =
  | { ok: true; remaining: number }
  | { ok: false; reason: RecoveryRedeemFailure; retryAfterSeconds?: number };

/**
 * Recovery codes live outside Cognito (it has none). `generate` and `status` act for the signed-in
 * user; `redeem` is for a user who cannot pass MFA: it proves the password, consumes the code and
 * resets the user's MFA, so they sign in again and enrol a new authenticator.
 */
export interface RecoveryCodesAdapter {
  generate(): Promise<RecoveryCodeSet>;
  status(): Promise<RecoveryCodesStatus>;
  redeem(input: { username: string; password: string; code: string }): Promise<RecoveryRedeemResult>;
}
