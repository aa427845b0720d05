import type { MfaPolicy, MfaPolicyInput } from './core/mfaPolicy.js';
/**
 * The ports mfa-kit talks through. Types only: no runtime code lives here.
 *
 * `AuthClient` mirrors the subset of `aws-amplify/auth` (v6) that the library calls, with
 * Amplify's own input and output shapes, `nextStep.signInStep` values and error `name`s.
 * `src/amplify` proves at compile time that the real Amplify functions fit this shape, and
 * `mfa-kit/testing` implements the same shape in memory, so the two are interchangeable.
 */

export type MfaMethod = 'TOTP' | 'SMS' | 'EMAIL';
export type MfaPreference = 'ENABLED' | 'DISABLED' | 'PREFERRED' | 'NOT_PREFERRED';
export type AuthFlowType =
  | 'USER_SRP_AUTH'
  | 'CUSTOM_WITH_SRP'
  | 'CUSTOM_WITHOUT_SRP'
  | 'USER_PASSWORD_AUTH'
  | 'USER_AUTH';
export type DeliveryMedium = 'EMAIL' | 'SMS' | 'PHONE' | 'UNKNOWN';
export type ClientMetadata = Record<string, string>;
export type UserAttributes = Partial<Record<string, string>>;

export interface CodeDeliveryDetails {
  /** Masked destination, e.g. `+*******1234` or `a***@e***`. */
  destination?: string;
  deliveryMedium?: DeliveryMedium;
  attributeName?: string;
}

export interface TotpSetupDetails {
  /** Base32 shared secret, no padding. */
  sharedSecret: string;
  /** Amplify's own URI builder. mfa-kit never uses it (it JSON-stringifies the username). */
  getSetupUri(appName: string, accountName?: string): URL;
}

export type SignInStep =
  | { signInStep: 'DONE' }
  | { signInStep: 'CONFIRM_SIGN_IN_WITH_TOTP_CODE' }
  | { signInStep: 'CONFIRM_SIGN_IN_WITH_SMS_CODE'; codeDeliveryDetails?: CodeDeliveryDetails }
  | { signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE'; codeDeliveryDetails?: CodeDeliveryDetails }
  | { signInStep: 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION'; allowedMFATypes?: MfaMethod[] }
  | { signInStep: 'CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION'; allowedMFATypes?: MfaMethod[] }
  | { signInStep: 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP'; totpSetupDetails: TotpSetupDetails }
  | { signInStep: 'CONTINUE_SIGN_IN_WITH_EMAIL_SETUP' }
  | { signInStep: 'CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE'; additionalInfo?: Record<string, string> }
  | { signInStep: 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED'; missingAttributes?: string[] }
  | { signInStep: 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION'; availableChallenges?: string[] }
  | { signInStep: 'CONFIRM_SIGN_IN_WITH_PASSWORD' }
  | { signInStep: 'CONFIRM_SIGN_UP' }
  | { signInStep: 'RESET_PASSWORD' };

export type SignInStepName = SignInStep['signInStep'];

export interface SignInOutput {
  isSignedIn: boolean;
  nextStep: SignInStep;
}

export interface SignInInput {
  username: string;
  password?: string;
  options?: {
    authFlowType?: AuthFlowType;
    clientMetadata?: ClientMetadata;
  };
}

export interface ConfirmSignInInput {
  /** The code, the chosen MFA type ('TOTP' | 'SMS' | 'EMAIL') or the email address, per step. */
  challengeResponse: string;
  options?: {
    userAttributes?: UserAttributes;
    clientMetadata?: ClientMetadata;
    friendlyDeviceName?: string;
  };
}

export interface AuthUser {
  username: string;
  userId: string;
  signInDetails?: { loginId?: string; authFlowType?: AuthFlowType };
}

export interface UpdateUserAttributesInput {
  userAttributes: UserAttributes;
  options?: { clientMetadata?: ClientMetadata };
}

export type UpdateUserAttributesOutput = Record<
  string,
  {
    isUpdated: boolean;
    nextStep: {
      updateAttributeStep: 'CONFIRM_ATTRIBUTE_WITH_CODE' | 'DONE';
      codeDeliveryDetails?: CodeDeliveryDetails;
    };
  }
>;

/** Attributes Cognito can verify with a code. */
export type VerifiableAttributeKey = 'email' | 'phone_number';

export interface ConfirmUserAttributeInput {
  userAttributeKey: VerifiableAttributeKey;
  confirmationCode: string;
}

export interface SendUserAttributeVerificationCodeInput {
  userAttributeKey: VerifiableAttributeKey;
  options?: { clientMetadata?: ClientMetadata };
}

export interface VerifyTotpSetupInput {
  code: string;
  options?: { friendlyDeviceName?: string };
}

export interface UpdateMfaPreferenceInput {
  sms?: MfaPreference;
  totp?: MfaPreference;
  email?: MfaPreference;
}

export interface FetchMfaPreferenceOutput {
  enabled?: MfaMethod[];
  preferred?: MfaMethod;
}

export interface AuthDevice {
  id: string;
  name?: string;
  attributes: Record<string, string>;
  createDate?: Date;
  lastAuthenticatedDate?: Date;
  lastModifiedDate?: Date;
}

/** A decoded token as Amplify's `fetchAuthSession` returns it. */
export interface AuthJwt {
  /** The claims: `sub`, `cognito:groups`, and what a Pre Token Generation trigger added (`mfa_compliant`, `mfa_grace_until`). */
  payload: Record<string, unknown>;
  /** The compact JWT. */
  toString(): string;
}

export interface AuthSession {
  /** Absent when nobody is signed in. */
  tokens?: { idToken?: AuthJwt; accessToken: AuthJwt };
  userSub?: string;
}

export interface FetchAuthSessionOptions {
  /** Get new tokens with the refresh token now (Cognito runs Pre Token Generation again). */
  forceRefresh?: boolean;
}

/** The `aws-amplify/auth` functions mfa-kit calls, with Amplify's signatures. */
export interface AuthClient {
  signIn(input: SignInInput): Promise<SignInOutput>;
  confirmSignIn(input: ConfirmSignInInput): Promise<SignInOutput>;
  signOut(input?: { global: boolean }): Promise<void>;
  getCurrentUser(): Promise<AuthUser>;
  fetchUserAttributes(): Promise<UserAttributes>;
  updateUserAttributes(input: UpdateUserAttributesInput): Promise<UpdateUserAttributesOutput>;
  confirmUserAttribute(input: ConfirmUserAttributeInput): Promise<void>;
  sendUserAttributeVerificationCode(
    input: SendUserAttributeVerificationCodeInput,
  ): Promise<CodeDeliveryDetails>;
  setUpTOTP(): Promise<TotpSetupDetails>;
  verifyTOTPSetup(input: VerifyTotpSetupInput): Promise<void>;
  updateMFAPreference(input: UpdateMfaPreferenceInput): Promise<void>;
  fetchMFAPreference(): Promise<FetchMfaPreferenceOutput>;
  rememberDevice(): Promise<void>;
  forgetDevice(input?: { device?: { id: string } }): Promise<void>;
  fetchDevices(): Promise<AuthDevice[]>;
  fetchAuthSession(options?: FetchAuthSessionOptions): Promise<AuthSession>;
}

/** How the signed-in user will prove it is them for a step-up. */
export interface StepUpChallenge {
  method: MfaMethod;
  /** The verifier re-authenticates with the password too (e.g. a Cognito side session). */
  requiresPassword: boolean;
  /**
   * Ask for the password alone first and send it with `submitPassword`; its answer is the real
   * challenge (Cognito decides the factor, and sends the SMS or email, only after the password).
   */
  passwordFirst?: boolean;
  codeDeliveryDetails?: CodeDeliveryDetails;
}

/** Evidence of a fresh MFA verification, for the host's backend to check. */
export interface StepUpProof {
  /** Opaque to mfa-kit: a fresh ID token or a short-lived step-up token. */
  token: string;
  /** Epoch ms of the verification. */
  verifiedAt: number;
  method: MfaMethod;
}

/**
 * Verifies a signed-in user again with their MFA factor. `begin` rejects with an error named
 * `MfaNotEnrolledException` when the user has no factor: step-up never falls back to the password alone.
 */
export interface StepUpVerifier {
  begin(): Promise<StepUpChallenge>;
  /** For `passwordFirst` challenges: checks the password and answers which code to ask for. */
  submitPassword?(password: string): Promise<StepUpChallenge>;
  verify(input: { code: string; password?: string }): Promise<StepUpProof>;
}

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

// ——— Admin (issue 18): the pluggable admin adapter behind the admin console ———

/** The pool's MFA level, as Cognito names it: OFF, OPTIONAL (users choose) or ON (required for all). */
export type PoolMfaMode = 'OFF' | 'OPTIONAL' | 'ON';

export interface PoolMfaConfig {
  mode: PoolMfaMode;
  /** Factors the pool offers (TOTP: software token, SMS, EMAIL). */
  methods: MfaMethod[];
}

export interface SetPoolMfaConfigInput extends PoolMfaConfig {
  /** Only count who the change would affect; nothing is changed and no event is written. */
  dryRun?: boolean;
  /** Why, for the audit trail (optional here; at least 10 characters when given). */
  justification?: string;
}

/** Who a pool MFA change would affect, counted over every user of the pool. */
export interface PoolMfaChangeImpact {
  /** Users looked at. */
  scanned: number;
  /** Users with no factor the new configuration offers. */
  withoutMfa: number;
  /** With mode ON: users without MFA whom Cognito sends to set up TOTP or email at their next sign-in. */
  sentToSetup: number;
  /**
   * With mode ON: users without MFA who cannot set one up while signing in (Cognito never offers SMS for
   * setup there), so they are locked out until an admin helps.
   */
  lockedOut: number;
  /** With mode OFF: users whose MFA stops being asked for. */
  losingMfa: number;
}

export interface SetPoolMfaConfigResult {
  /** False for a dry run. */
  applied: boolean;
  config: PoolMfaConfig;
  /** Counted for dry runs (it reads every user, so an applied change does not repeat it). */
  impact?: PoolMfaChangeImpact;
}

export type AdminComplianceStatus = 'compliant' | 'in_grace' | 'non_compliant' | 'bypassed';

/** One user as the admin console lists them. */
export interface AdminUserRow {
  username: string;
  email?: string;
  groups: string[];
  /** Factors the user has enabled. */
  methods: MfaMethod[];
  preferred?: MfaMethod;
  compliance: AdminComplianceStatus;
  /** ISO 8601: until when a user without MFA is still allowed in (from the host's grace rule). */
  graceUntil?: string;
  /** ISO 8601: when an active bypass ends and MFA is turned back on. */
  bypassUntil?: string;
  /** ISO 8601: the pool's last change to the user (Cognito's `UserLastModifiedDate`). */
  lastChangedAt?: string;
}

export interface AdminListUsersInput {
  /** From the previous page's `cursor`. */
  cursor?: string;
  /** Users per page, 1–60 (Cognito's `ListUsers` maximum). Default 60. */
  limit?: number;
  /** Username prefix. */
  search?: string;
  filter?: { compliance?: AdminComplianceStatus; role?: string; method?: MfaMethod | 'NONE' };
}

export interface AdminPage<T> {
  items: T[];
  /** Absent on the last page. */
  cursor?: string;
}

export interface AdminResetInput {
  username: string;
  /** Why, in the admin's words: at least 10 characters, stored exactly as given. */
  justification: string;
}

export interface AdminBypassInput extends AdminResetInput {
  /** 1–24 hours. Default 24. */
  hours?: number;
}

export interface AdminBypassResult {
  username: string;
  /** ISO 8601: MFA is turned back on at this time. */
  bypassUntil: string;
  /** What was turned off, and will be restored. */
  previous: { methods: MfaMethod[]; preferred?: MfaMethod };
}

export type AdminAuditEventType =
  | 'mfa_reset'
  | 'mfa_bypass'
  | 'mfa_bypass_ended'
  | 'mfa_bypass_expired'
  | 'pool_mfa_changed'
  | 'policy_changed'
  | 'mfa_recovery_used'
  | 'compliance_exported';

/**
 * One audit record. `status` is `pending` between the moment the event is written (before the change)
 * and the moment the change is complete; `failed` when the pool refused the change.
 */
export interface AdminAuditEvent {
  id: string;
  type: AdminAuditEventType;
  /** ISO 8601. */
  at: string;
  /** The admin's username; `system` for automatic expiry. */
  actor: string;
  /** The user acted on; absent for pool changes. */
  target?: string;
  /** As the admin typed it. Render it as text, never as markup. */
  justification?: string;
  requestId: string;
  status: 'pending' | 'done' | 'failed';
  /** What changed: previous and new settings, the bypass end time, the failure's name. */
  details?: Record<string, unknown>;
}

export interface AdminAuditQuery {
  cursor?: string;
  type?: AdminAuditEventType;
  target?: string;
  /** ISO 8601, inclusive. */
  from?: string;
  /** ISO 8601, inclusive. */
  to?: string;
  /** 1–100. Default 50. */
  limit?: number;
}

/** Users with at least one MFA factor, by role (Cognito group; `*` is everyone), at one time. */
export interface AdoptionSnapshot {
  /** ISO 8601. */
  at: string;
  byRole: Record<string, { withMfa: number; total: number }>;
}

export interface ComplianceExportInput {
  format: 'csv' | 'json';
  /**
   * ISO 8601 (a date is midnight UTC), inclusive: the period whose resets, bypasses and configuration
   * changes are listed. Default: 90 days before `to`. The period is at most 366 days.
   */
  from?: string;
  /** ISO 8601, inclusive. Default, and at most: the time of the export. */
  to?: string;
}

export interface ComplianceExport {
  /** `text/csv; charset=utf-8` or `application/json`. */
  contentType: string;
  filename: string;
  body: string;
  /** SHA-256 of `body` (UTF-8), lowercase hex, as recorded in the `compliance_exported` audit event. */
  sha256: string;
  /** The id of that `compliance_exported` event. */
  auditId: string;
}

/**
 * What the admin console needs. Implemented over HTTP (`httpAdminAdapter`, against
 * `createMfaAdminHandler` from `mfa-kit/server`) and by the simulator (`mfa-kit/testing`). Failures are
 * `MfaAdminError`s with a stable `code`.
 */
export interface AdminAdapter {
  getPoolMfaConfig(): Promise<PoolMfaConfig>;
  setPoolMfaConfig(input: SetPoolMfaConfigInput): Promise<SetPoolMfaConfigResult>;
  listUsers(input?: AdminListUsersInput): Promise<AdminPage<AdminUserRow>>;
  /** Every factor off, recovery codes invalidated, remembered devices forgotten: the user enrols again. */
  resetUserMfa(input: AdminResetInput): Promise<AdminUserRow>;
  /** MFA off for at most 24 hours, then turned back on as it was. */
  bypassUserMfa(input: AdminBypassInput): Promise<AdminBypassResult>;
  /** Ends a bypass now and restores the user's MFA. */
  endBypass(input: { username: string }): Promise<AdminUserRow>;
  /** Newest first. */
  getAuditLog(query?: AdminAuditQuery): Promise<AdminPage<AdminAuditEvent>>;
  /**
   * The compliance evidence (pool MFA level, policy, every user's MFA, resets and bypasses of the
   * period, the controls it evidences), its SHA-256 recorded as a `compliance_exported` audit event.
   */
  exportCompliance(input: ComplianceExportInput): Promise<ComplianceExport>;
  /** The enforcement policy the admin service judges compliance by; `null` before one is set. */
  getPolicy(): Promise<MfaPolicy | null>;
  /** Validated with `createMfaPolicy` (refused with the reasons), audited as `policy_changed`. */
  setPolicy(input: SetMfaPolicyInput): Promise<MfaPolicy>;
  /**
   * Stored adoption snapshots, oldest first: the last `limit` (default 24, at most 366). Each
   * compliance export records one, and so does `recordAdoptionSnapshot`. Optional for custom adapters.
   */
  listAdoptionSnapshots?(input?: { limit?: number }): Promise<AdoptionSnapshot[]>;
  /** Counts every user now and stores the snapshot (e.g. from a monthly schedule). */
  recordAdoptionSnapshot?(): Promise<AdoptionSnapshot>;
}

export interface SetMfaPolicyInput {
  policy: MfaPolicyInput;
  /** Why (at least 10 characters), recorded with the event. */
  justification: string;
}
