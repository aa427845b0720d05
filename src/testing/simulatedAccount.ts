import type { AuthClient, UpdateUserAttributesOutput } from '../ports.js';
import { errors } from './cognitoErrors.js';
import type { SimulatorRuntime } from './simulatedClient.js';
import { enableFactor, sendCode, signedInUser } from './simulatorUsers.js';
import { generateTotpSecret, isValidTotp } from './totp.js';

/** The signed-in user's account: who they are, their attributes and their authenticator app. */
export function simulatedAccount(
  runtime: SimulatorRuntime,
): Pick<
  AuthClient,
  | 'getCurrentUser'
  | 'fetchUserAttributes'
  | 'updateUserAttributes'
  | 'confirmUserAttribute'
  | 'sendUserAttributeVerificationCode'
  | 'setUpTOTP'
  | 'verifyTOTPSetup'
> {
  const { state, outbox } = runtime;
  return {
    async getCurrentUser() {
      const user = signedInUser(state);
      return {
        username: user.username,
        userId: user.userId,
        signInDetails: { loginId: user.username, authFlowType: 'USER_SRP_AUTH' },
      };
    },

    async fetchUserAttributes() {
      const user = signedInUser(state);
      return { ...user.attributes, sub: user.userId };
    },

    async updateUserAttributes({ userAttributes }) {
      const user = signedInUser(state);
      const output: UpdateUserAttributesOutput = {};
      for (const [key, value] of Object.entries(userAttributes)) {
        if (value === undefined) continue;
        user.attributes[key] = value;
        const autoVerified = state.autoVerifiedAttributes ?? ['email', 'phone_number'];
        if (key === 'email' || key === 'phone_number') user.attributes[`${key}_verified`] = 'false';
        if ((key === 'email' || key === 'phone_number') && autoVerified.includes(key)) {
          const method = key === 'email' ? 'EMAIL' : 'SMS';
          const codeDeliveryDetails = sendCode(runtime, user, method, 'verification');
          user.pendingAttributeCodes[key] = outbox.latest({ username: user.username })?.code ?? '';
          output[key] = {
            isUpdated: false,
            nextStep: { updateAttributeStep: 'CONFIRM_ATTRIBUTE_WITH_CODE', codeDeliveryDetails },
          };
        } else {
          output[key] = { isUpdated: true, nextStep: { updateAttributeStep: 'DONE' } };
        }
      }
      runtime.commit();
      return output;
    },

    async confirmUserAttribute({ userAttributeKey, confirmationCode }) {
      const user = signedInUser(state);
      const expected = user.pendingAttributeCodes[userAttributeKey];
      if (!expected || expected !== confirmationCode) return errors.codeMismatch();
      delete user.pendingAttributeCodes[userAttributeKey];
      user.attributes[`${userAttributeKey}_verified`] = 'true';
      runtime.commit();
    },

    async sendUserAttributeVerificationCode({ userAttributeKey }) {
      const user = signedInUser(state);
      if (!user.attributes[userAttributeKey])
        return errors.invalidParameter(`No ${userAttributeKey} to verify.`);
      const details = sendCode(runtime, user, userAttributeKey === 'email' ? 'EMAIL' : 'SMS', 'verification');
      user.pendingAttributeCodes[userAttributeKey] = outbox.latest({ username: user.username })?.code ?? '';
      runtime.commit();
      return details;
    },

    async setUpTOTP() {
      const user = signedInUser(state);
      const secret = generateTotpSecret();
      user.pendingTotpSecret = secret;
      runtime.commit();
      return { sharedSecret: secret };
    },

    async verifyTOTPSetup({ code }) {
      const user = signedInUser(state);
      const secret = user.pendingTotpSecret;
      if (!secret) return errors.invalidParameter('Call setUpTOTP before verifyTOTPSetup.');
      if (!isValidTotp(secret, code, runtime.now())) return errors.totpMismatch();
      user.totpSecret = secret;
      user.pendingTotpSecret = undefined;
      // Cognito enables the factor but sets no preference: the caller does that with updateMFAPreference.
      enableFactor(user, 'TOTP');
      runtime.commit();
    },
  };
}
