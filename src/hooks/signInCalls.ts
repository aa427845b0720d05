import type { AuthClient, MfaMethod, SignInOutput, SignInStep } from '../ports.js';

/** The password of this sign-in, kept in memory only for "Try another way" and "Resend code". */
export interface Credentials {
  username: string;
  password: string;
}

const codeMethods: Partial<Record<SignInStep['signInStep'], MfaMethod>> = {
  CONFIRM_SIGN_IN_WITH_SMS_CODE: 'SMS',
  CONFIRM_SIGN_IN_WITH_EMAIL_CODE: 'EMAIL',
};

/** The method of a step whose code can be sent again (SMS, email), else undefined. */
export function resendableMethod(step: SignInStep): MfaMethod | undefined {
  return codeMethods[step.signInStep];
}

/**
 * Cognito has no resend call for sign-in MFA codes (ResendConfirmationCode is for sign-up): signing
 * in again with the password kept in memory makes it send a fresh code, and the new sign-in replaces
 * the old challenge, so the previous code stops working.
 */
export async function resendSignInCode(
  client: AuthClient,
  credentials: Credentials,
  method: MfaMethod,
): Promise<SignInOutput> {
  const output = await client.signIn(credentials);
  const { nextStep } = output;
  if (
    nextStep.signInStep === 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION' &&
    nextStep.allowedMFATypes?.includes(method)
  ) {
    // The user had chosen this method from a list: choose it again.
    return client.confirmSignIn({ challengeResponse: method });
  }
  return output;
}

/** MFA was reset by the redeem: enrol again, unless the pool already made the user do it during sign-in. */
export async function recoveryFollowUp(client: AuthClient): Promise<'recovery-enrol' | 'recovery-codes'> {
  const preference = await client.fetchMFAPreference().catch(() => ({ enabled: [] as MfaMethod[] }));
  return preference.enabled?.includes('TOTP') ? 'recovery-codes' : 'recovery-enrol';
}
