/** What the pool's own threat protection should see of the request (Cognito's `ContextData`). */
export interface RecoveryRequestContext {
  /** The client's address (not the server's). */
  ip?: string;
  /** The service's host name and path, e.g. `api.example.com` and `/mfa/recovery-codes/redeem`. */
  serverName?: string;
  serverPath?: string;
  /** A few request headers (User-Agent, Accept-Language) for risk scoring. */
  headers?: Record<string, string>;
}

/** What recovery needs from the user pool: a password check, an MFA reset, optionally a global sign-out. */
export interface RecoveryIdentity {
  /**
   * Checks the password. Resolves to the user's canonical username (what Cognito's tokens call
   * `username`, whatever alias or letter case was typed) when it is right, and to `undefined` for a
   * wrong password and an unknown user alike. (`true` is read as "right, and the typed name is the
   * canonical one"; `false` as wrong.)
   */
  verifyPassword(
    username: string,
    password: string,
    context?: RecoveryRequestContext,
  ): Promise<string | boolean | undefined>;
  /** Turns the user's authenticator-app MFA off, so the next sign-in enrols a new one. */
  resetMfa(username: string): Promise<void>;
  /** Signs the user out of every session (Cognito's `AdminUserGlobalSignOut`). */
  signOutEverywhere?(username: string): Promise<void>;
}
