import * as auth from 'aws-amplify/auth';
import type { AuthClient } from '../ports.js';

export interface AmplifyAuthClientOptions {
  /**
   * Flow used by `signIn` unless the caller passes `options.authFlowType`.
   * Defaults to Amplify's own default, `USER_SRP_AUTH`.
   */
  authFlowType?: 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH';
}

/**
 * The `AuthClient` port over `aws-amplify/auth` v6. Configure Amplify (`Amplify.configure`) first.
 * Each method is Amplify's own function; `satisfies` proves at compile time that their types fit the port.
 */
export function amplifyAuthClient({ authFlowType }: AmplifyAuthClientOptions = {}): AuthClient {
  const client = {
    signIn: (input) =>
      auth.signIn({
        ...input,
        options: { ...input.options, authFlowType: input.options?.authFlowType ?? authFlowType },
      }),
    confirmSignIn: (input) => auth.confirmSignIn(input),
    signOut: (input) => auth.signOut(input),
    getCurrentUser: () => auth.getCurrentUser(),
    fetchUserAttributes: () => auth.fetchUserAttributes(),
    updateUserAttributes: (input) => auth.updateUserAttributes(input),
    confirmUserAttribute: (input) => auth.confirmUserAttribute(input),
    sendUserAttributeVerificationCode: (input) => auth.sendUserAttributeVerificationCode(input),
    setUpTOTP: () => auth.setUpTOTP(),
    verifyTOTPSetup: (input) => auth.verifyTOTPSetup(input),
    updateMFAPreference: (input) => auth.updateMFAPreference(input),
    fetchMFAPreference: () => auth.fetchMFAPreference(),
    rememberDevice: () => auth.rememberDevice(),
    forgetDevice: (input) => auth.forgetDevice(input),
    fetchDevices: () => auth.fetchDevices(),
    fetchAuthSession: (options) => auth.fetchAuthSession(options),
  } satisfies AuthClient;
  return client;
}
