/** What recovery needs from the user pool: a password check and an MFA reset. */
export interface RecoveryIdentity {
  /** `false` for a wrong password and for an unknown user alike. */
  verifyPassword(username: string, password: string): Promise<boolean>;
  /** Turns the user's authenticator-app MFA off, so the next sign-in enrols a new one. */
  resetMfa(username: string): Promise<void>;
}
