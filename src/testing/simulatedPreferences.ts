import type { AuthClient, AuthDevice, MfaMethod, MfaPreference } from '../ports.js';
import { errors } from './cognitoErrors.js';
import type { SimulatorRuntime } from './simulatedClient.js';
import { signedInUser, userFor } from './simulatorUsers.js';
import type { IssuedTokens } from './state.js';
import { issueTokens, sessionFrom, TOKEN_LIFETIME_MS } from './tokens.js';
import { randomId } from './totp.js';

/** The signed-in user's MFA preferences, remembered devices and tokens. */
export function simulatedPreferences(
  runtime: SimulatorRuntime,
): Pick<
  AuthClient,
  | 'updateMFAPreference'
  | 'fetchMFAPreference'
  | 'rememberDevice'
  | 'forgetDevice'
  | 'fetchAuthSession'
  | 'fetchDevices'
> {
  const { state } = runtime;
  return {
    async updateMFAPreference(input) {
      const user = signedInUser(state);
      const changes: Array<[MfaMethod, MfaPreference | undefined]> = [
        ['SMS', input.sms],
        ['TOTP', input.totp],
        ['EMAIL', input.email],
      ];
      let enabled = [...user.enabled];
      let preferred = user.preferred;
      for (const [method, preference] of changes) {
        if (preference === undefined) continue;
        if (preference === 'DISABLED') {
          enabled = enabled.filter((m) => m !== method);
          if (preferred === method) preferred = undefined;
          continue;
        }
        if (method === 'TOTP' && !user.totpSecret)
          return errors.invalidParameter('User has not verified software token mfa');
        if (method === 'SMS' && !user.attributes.phone_number)
          return errors.invalidParameter('User does not have a phone number');
        if (method === 'EMAIL' && !user.attributes.email)
          return errors.invalidParameter('User does not have an email');
        if (!enabled.includes(method)) enabled.push(method);
        if (preference === 'PREFERRED') preferred = method;
        if (preference === 'NOT_PREFERRED' && preferred === method) preferred = undefined;
      }
      if (state.mfaConfiguration === 'ON' && enabled.length === 0) {
        return errors.invalidParameter(
          'MFA is required for this user pool; at least one factor must stay enabled.',
        );
      }
      user.enabled = enabled;
      user.preferred = preferred;
      runtime.commit();
    },

    async fetchMFAPreference() {
      const user = signedInUser(state);
      return {
        preferred: user.preferred,
        enabled: user.enabled.length > 0 ? [...user.enabled] : undefined,
      };
    },

    async rememberDevice() {
      const user = signedInUser(state);
      const id = state.deviceKeys[user.username] ?? `${randomId()}`;
      state.deviceKeys[user.username] = id;
      if (!user.devices.some((device) => device.id === id)) {
        const now = runtime.now();
        user.devices.push({ id, name: 'Simulated browser', createDate: now, lastAuthenticatedDate: now });
      }
      runtime.commit();
    },

    async forgetDevice(input) {
      const user = signedInUser(state);
      const id = input?.device?.id ?? state.deviceKeys[user.username];
      user.devices = user.devices.filter((device) => device.id !== id);
      if (id === state.deviceKeys[user.username]) delete state.deviceKeys[user.username];
      runtime.commit();
    },

    async fetchAuthSession(options) {
      const user = state.session ? userFor(state, state.session.username) : undefined;
      if (!state.session || !user) return {};
      const issued = state.session.tokens;
      // Like Amplify: tokens are refreshed (and the trigger runs again) when asked or when expired.
      if (!issued || options?.forceRefresh || runtime.now() >= issued.issuedAt + TOKEN_LIFETIME_MS) {
        state.session.tokens = issueTokens(runtime, user);
        runtime.commit();
      }
      return sessionFrom(state.session.tokens as IssuedTokens, user.userId);
    },

    async fetchDevices(): Promise<AuthDevice[]> {
      const user = signedInUser(state);
      return user.devices.map((device) => ({
        id: device.id,
        name: device.name,
        attributes: { device_name: device.name },
        createDate: new Date(device.createDate),
        lastAuthenticatedDate: new Date(device.lastAuthenticatedDate),
        lastModifiedDate: new Date(device.lastAuthenticatedDate),
      }));
    },
  };
}
