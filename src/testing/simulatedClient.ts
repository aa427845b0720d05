import type { MfaPolicy } from '../core/mfaPolicy.js';
import {
  COGNITO_DEFAULT_PASSWORD_POLICY,
  type PasswordRule,
  unmetPasswordRules,
} from '../core/passwordPolicy.js';
import type {
  AuthClient,
  AuthDevice,
  CodeDeliveryDetails,
  MfaMethod,
  MfaPreference,
  SignInOutput,
  UpdateUserAttributesOutput,
} from '../ports.js';
import { errors } from './cognitoErrors.js';
import { maskEmail, maskPhone } from './mask.js';
import type { WritableOutbox } from './outbox.js';
import {
  activeFactors,
  CHALLENGE_SESSION_MS,
  isDeviceRemembered,
  lockoutAfterFailure,
  setupFactors,
} from './signInRules.js';
import type { IssuedTokens, PendingChallenge, SimulatorState, StoredUser } from './state.js';
import { issueTokens, sessionFrom, TOKEN_LIFETIME_MS } from './tokens.js';
import { generateTotpSecret, isValidTotp, randomId, randomNumericCode } from './totp.js';

export interface SimulatorRuntime {
  state: SimulatorState;
  outbox: WritableOutbox;
  now(): number;
  /** Persists the state after a change. */
  commit(): void;
  /** Runs as the pool's Pre Token Generation trigger when set. */
  mfaPolicy?: MfaPolicy;
}

const done: SignInOutput = { isSignedIn: true, nextStep: { signInStep: 'DONE' } };

/** Cognito's detail for the first policy rule a new password misses. */
const policyWords: Record<PasswordRule, string> = {
  minimumLength: 'Password not long enough',
  requireUppercase: 'Password must have uppercase characters',
  requireLowercase: 'Password must have lowercase characters',
  requireNumbers: 'Password must have numeric characters',
  requireSymbols: 'Password must have symbol characters',
};

function setupDetails(secret: string, username: string) {
  return {
    sharedSecret: secret,
    // Amplify's own builder, label included, so code that (wrongly) relies on it sees the same URI.
    getSetupUri: (appName: string, accountName?: string) =>
      new URL(
        `otpauth://totp/${appName}:${accountName ?? JSON.stringify(username)}?secret=${secret}&issuer=${appName}`,
      ),
  };
}

export function createSimulatedClient(runtime: SimulatorRuntime): AuthClient {
  const { state, outbox } = runtime;

  const userFor = (username: string): StoredUser | undefined => state.users[username];

  /** The user a sign-in names: by username, or by email / phone number when the pool allows it. */
  const userSigningIn = (identifier: string): StoredUser | undefined =>
    userFor(identifier) ??
    Object.values(state.users).find((user) =>
      (state.usernameAttributes ?? []).some((attribute) => user.attributes[attribute] === identifier),
    );

  const signedInUser = (): StoredUser => {
    const user = state.session ? userFor(state.session.username) : undefined;
    return user ?? errors.signedOut();
  };

  const sendCode = (user: StoredUser, method: 'SMS' | 'EMAIL', purpose: string): CodeDeliveryDetails => {
    const code = randomNumericCode();
    const to = method === 'SMS' ? (user.attributes.phone_number ?? '') : (user.attributes.email ?? '');
    outbox.deliver({
      channel: method,
      to,
      username: user.username,
      code,
      text: `Your ${purpose} code is ${code}`,
      sentAt: runtime.now(),
    });
    return method === 'SMS'
      ? { destination: maskPhone(to), deliveryMedium: 'SMS', attributeName: 'phone_number' }
      : { destination: maskEmail(to), deliveryMedium: 'EMAIL', attributeName: 'email' };
  };

  const finishSignIn = (user: StoredUser): SignInOutput => {
    state.pendingSignIn = null;
    user.failedMfaAttempts = 0;
    state.session = { username: user.username, tokens: issueTokens(runtime, user) };
    user.lockedUntil = undefined;
    runtime.commit();
    return done;
  };

  const challenge = (user: StoredUser, next: PendingChallenge): PendingChallenge => {
    state.pendingSignIn = {
      username: user.username,
      challenge: next,
      expiresAt: runtime.now() + CHALLENGE_SESSION_MS,
    };
    return next;
  };

  const codeChallenge = (user: StoredUser, method: MfaMethod): SignInOutput => {
    if (method === 'TOTP') {
      challenge(user, { kind: 'CODE', method });
      runtime.commit();
      return { isSignedIn: false, nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_TOTP_CODE' } };
    }
    const codeDeliveryDetails = sendCode(user, method, 'sign-in');
    const sent = outbox.latest({ username: user.username });
    challenge(user, { kind: 'CODE', method, code: sent?.code });
    runtime.commit();
    return method === 'SMS'
      ? { isSignedIn: false, nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_SMS_CODE', codeDeliveryDetails } }
      : {
          isSignedIn: false,
          nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE', codeDeliveryDetails },
        };
  };

  const totpSetupStep = (user: StoredUser): SignInOutput => {
    const secret = generateTotpSecret();
    challenge(user, { kind: 'TOTP_SETUP', secret });
    runtime.commit();
    return {
      isSignedIn: false,
      nextStep: {
        signInStep: 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP',
        totpSetupDetails: setupDetails(secret, user.username),
      },
    };
  };

  const firstStepAfterPassword = (user: StoredUser): SignInOutput => {
    if (state.mfaConfiguration === 'OFF' || isDeviceRemembered(state, user)) return finishSignIn(user);
    const factors = activeFactors(state, user);
    if (factors.length === 0) {
      if (state.mfaConfiguration !== 'ON') return finishSignIn(user);
      const allowed = setupFactors(state);
      if (allowed.length === 1 && allowed[0] === 'TOTP') return totpSetupStep(user);
      challenge(user, { kind: 'SETUP_SELECT', allowed });
      runtime.commit();
      return {
        isSignedIn: false,
        nextStep: { signInStep: 'CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION', allowedMFATypes: allowed },
      };
    }
    if (user.preferred && factors.includes(user.preferred)) return codeChallenge(user, user.preferred);
    const [onlyFactor] = factors;
    if (factors.length === 1 && onlyFactor) return codeChallenge(user, onlyFactor);
    challenge(user, { kind: 'SELECT', allowed: factors });
    runtime.commit();
    return {
      isSignedIn: false,
      nextStep: { signInStep: 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION', allowedMFATypes: factors },
    };
  };

  const recordWrongCode = (user: StoredUser) => {
    user.failedMfaAttempts += 1;
    user.lockedUntil = lockoutAfterFailure(user.failedMfaAttempts, runtime.now());
    runtime.commit();
  };

  const assertNotLocked = (user: StoredUser) => {
    if (user.lockedUntil !== undefined && user.lockedUntil > runtime.now()) errors.lockedOut();
  };

  const enable = (user: StoredUser, method: MfaMethod) => {
    if (!user.enabled.includes(method)) user.enabled = [...user.enabled, method];
  };

  return {
    async signIn({ username, password }) {
      if (state.session) errors.alreadySignedIn();
      // A new sign-in replaces the pending one: codes sent for it stop working, as in Cognito.
      state.pendingSignIn = null;
      const user = userSigningIn(username);
      if (!user || user.password !== password) return errors.incorrectCredentials();
      assertNotLocked(user);
      // Cognito throws UserNotConfirmedException; Amplify v6 turns it into this step (getSignInResultFromError).
      if (user.status === 'UNCONFIRMED') {
        runtime.commit();
        return { isSignedIn: false, nextStep: { signInStep: 'CONFIRM_SIGN_UP' } };
      }
      if (user.status === 'FORCE_CHANGE_PASSWORD') {
        const missingAttributes = (state.requiredAttributes ?? []).filter((name) => !user.attributes[name]);
        challenge(user, { kind: 'NEW_PASSWORD', missingAttributes });
        runtime.commit();
        return {
          isSignedIn: false,
          nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED', missingAttributes },
        };
      }
      return firstStepAfterPassword(user);
    },

    async confirmSignIn({ challengeResponse, options }) {
      const pending = state.pendingSignIn;
      if (!pending || pending.expiresAt <= runtime.now()) {
        state.pendingSignIn = null;
        runtime.commit();
        return errors.noSignInInProgress();
      }
      const user = userFor(pending.username) ?? errors.noSignInInProgress();
      const step = pending.challenge;
      switch (step.kind) {
        case 'CODE': {
          assertNotLocked(user);
          const valid =
            step.method === 'TOTP'
              ? user.totpSecret !== undefined &&
                isValidTotp(user.totpSecret, challengeResponse, runtime.now())
              : challengeResponse === step.code;
          if (!valid) {
            recordWrongCode(user);
            return errors.codeMismatch();
          }
          if (step.method === 'SMS') user.attributes.phone_number_verified = 'true';
          return finishSignIn(user);
        }
        case 'SELECT': {
          const method = challengeResponse as MfaMethod;
          if (!step.allowed.includes(method)) return errors.invalidParameter('Invalid MFA type selected.');
          return codeChallenge(user, method);
        }
        case 'SETUP_SELECT': {
          const method = challengeResponse as MfaMethod;
          if (!step.allowed.includes(method)) return errors.invalidParameter('Invalid MFA type selected.');
          if (method === 'TOTP') return totpSetupStep(user);
          challenge(user, { kind: 'EMAIL_SETUP' });
          runtime.commit();
          return { isSignedIn: false, nextStep: { signInStep: 'CONTINUE_SIGN_IN_WITH_EMAIL_SETUP' } };
        }
        case 'TOTP_SETUP': {
          if (!isValidTotp(step.secret, challengeResponse, runtime.now())) return errors.totpMismatch();
          user.totpSecret = step.secret;
          enable(user, 'TOTP');
          return finishSignIn(user);
        }
        case 'EMAIL_SETUP': {
          if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(challengeResponse)) {
            return errors.invalidParameter('Invalid email address format.');
          }
          user.attributes.email = challengeResponse;
          enable(user, 'EMAIL');
          return codeChallenge(user, 'EMAIL');
        }
        case 'NEW_PASSWORD': {
          // A refused password keeps the challenge: the user tries another one in place.
          const [unmet] = unmetPasswordRules(
            state.passwordPolicy ?? COGNITO_DEFAULT_PASSWORD_POLICY,
            challengeResponse,
          );
          if (unmet) return errors.invalidPassword(policyWords[unmet]);
          const given = options?.userAttributes ?? {};
          const missing = step.missingAttributes.find((name) => !given[name]?.trim());
          if (missing) return errors.invalidParameter(`Invalid attributes given, ${missing} is missing`);
          for (const [name, value] of Object.entries(given)) {
            if (value !== undefined) user.attributes[name] = value;
          }
          user.password = challengeResponse;
          user.status = 'CONFIRMED';
          // Then whatever the pool asks next: MFA setup in an ON pool, a code, or done.
          return firstStepAfterPassword(user);
        }
      }
    },

    async signOut() {
      state.session = null;
      state.pendingSignIn = null;
      runtime.commit();
    },

    async getCurrentUser() {
      const user = signedInUser();
      return {
        username: user.username,
        userId: user.userId,
        signInDetails: { loginId: user.username, authFlowType: 'USER_SRP_AUTH' },
      };
    },

    async fetchUserAttributes() {
      const user = signedInUser();
      return { ...user.attributes, sub: user.userId };
    },

    async updateUserAttributes({ userAttributes }) {
      const user = signedInUser();
      const output: UpdateUserAttributesOutput = {};
      for (const [key, value] of Object.entries(userAttributes)) {
        if (value === undefined) continue;
        user.attributes[key] = value;
        const autoVerified = state.autoVerifiedAttributes ?? ['email', 'phone_number'];
        if (key === 'email' || key === 'phone_number') user.attributes[`${key}_verified`] = 'false';
        if ((key === 'email' || key === 'phone_number') && autoVerified.includes(key)) {
          const method = key === 'email' ? 'EMAIL' : 'SMS';
          const codeDeliveryDetails = sendCode(user, method, 'verification');
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
      const user = signedInUser();
      const expected = user.pendingAttributeCodes[userAttributeKey];
      if (!expected || expected !== confirmationCode) return errors.codeMismatch();
      delete user.pendingAttributeCodes[userAttributeKey];
      user.attributes[`${userAttributeKey}_verified`] = 'true';
      runtime.commit();
    },

    async sendUserAttributeVerificationCode({ userAttributeKey }) {
      const user = signedInUser();
      if (!user.attributes[userAttributeKey])
        return errors.invalidParameter(`No ${userAttributeKey} to verify.`);
      const details = sendCode(user, userAttributeKey === 'email' ? 'EMAIL' : 'SMS', 'verification');
      user.pendingAttributeCodes[userAttributeKey] = outbox.latest({ username: user.username })?.code ?? '';
      runtime.commit();
      return details;
    },

    async setUpTOTP() {
      const user = signedInUser();
      const secret = generateTotpSecret();
      user.pendingTotpSecret = secret;
      runtime.commit();
      return setupDetails(secret, user.username);
    },

    async verifyTOTPSetup({ code }) {
      const user = signedInUser();
      const secret = user.pendingTotpSecret;
      if (!secret) return errors.invalidParameter('Call setUpTOTP before verifyTOTPSetup.');
      if (!isValidTotp(secret, code, runtime.now())) return errors.totpMismatch();
      user.totpSecret = secret;
      user.pendingTotpSecret = undefined;
      // Cognito enables the factor but sets no preference: the caller does that with updateMFAPreference.
      enable(user, 'TOTP');
      runtime.commit();
    },

    async updateMFAPreference(input) {
      const user = signedInUser();
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
      const user = signedInUser();
      return {
        preferred: user.preferred,
        enabled: user.enabled.length > 0 ? [...user.enabled] : undefined,
      };
    },

    async rememberDevice() {
      const user = signedInUser();
      const id = state.deviceKeys[user.username] ?? `${randomId()}`;
      state.deviceKeys[user.username] = id;
      if (!user.devices.some((device) => device.id === id)) {
        const now = runtime.now();
        user.devices.push({ id, name: 'Simulated browser', createDate: now, lastAuthenticatedDate: now });
      }
      runtime.commit();
    },

    async forgetDevice(input) {
      const user = signedInUser();
      const id = input?.device?.id ?? state.deviceKeys[user.username];
      user.devices = user.devices.filter((device) => device.id !== id);
      if (id === state.deviceKeys[user.username]) delete state.deviceKeys[user.username];
      runtime.commit();
    },

    async fetchAuthSession(options) {
      const user = state.session ? userFor(state.session.username) : undefined;
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
      const user = signedInUser();
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
