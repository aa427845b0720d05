/**
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
