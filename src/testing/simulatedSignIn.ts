import {
  COGNITO_DEFAULT_PASSWORD_POLICY,
  type PasswordRule,
  unmetPasswordRules,
} from '../core/passwordPolicy.js';
import type { AuthClient, MfaMethod, SignInOutput } from '../ports.js';
import { errors } from './cognitoErrors.js';
import {
  activeFactors,
  CHALLENGE_SESSION_MS,
  isDeviceRemembered,
  lockoutAfterFailure,
  setupFactors,
} from './signInRules.js';
import type { SimulatorRuntime } from './simulatedClient.js';
import { enableFactor, sendCode, userFor } from './simulatorUsers.js';
import type { PendingChallenge, StoredUser } from './state.js';
import { issueTokens } from './tokens.js';
import { generateTotpSecret, isValidTotp } from './totp.js';

const done: SignInOutput = { isSignedIn: true, nextStep: { signInStep: 'DONE' } };

/** Cognito's detail for the first policy rule a new password misses. */
const policyWords: Record<PasswordRule, string> = {
  minimumLength: 'Password not long enough',
  requireUppercase: 'Password must have uppercase characters',
  requireLowercase: 'Password must have lowercase characters',
  requireNumbers: 'Password must have numeric characters',
  requireSymbols: 'Password must have symbol characters',
};

/** Sign-in as Cognito runs it: password, then the challenge the pool and the user's factors call for. */
export function simulatedSignIn(
  runtime: SimulatorRuntime,
): Pick<AuthClient, 'signIn' | 'confirmSignIn' | 'signOut'> {
  const { state, outbox } = runtime;

  /** The user a sign-in names: by username, or by email / phone number when the pool allows it. */
  const userSigningIn = (identifier: string): StoredUser | undefined =>
    userFor(state, identifier) ??
    Object.values(state.users).find((user) =>
      (state.usernameAttributes ?? []).some((attribute) => user.attributes[attribute] === identifier),
    );

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
    const codeDeliveryDetails = sendCode(runtime, user, method, 'sign-in');
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
        totpSetupDetails: { sharedSecret: secret },
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
      const user = userFor(state, pending.username) ?? errors.noSignInInProgress();
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
          enableFactor(user, 'TOTP');
          return finishSignIn(user);
        }
        case 'EMAIL_SETUP': {
          if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(challengeResponse)) {
            return errors.invalidParameter('Invalid email address format.');
          }
          user.attributes.email = challengeResponse;
          enableFactor(user, 'EMAIL');
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
  };
}
