import type { CodeDeliveryDetails, MfaMethod, StepUpVerifier } from '../ports.js';
import { errors, fail } from './cognitoErrors.js';
import { maskEmail, maskPhone } from './mask.js';
import { activeFactors, lockoutAfterFailure } from './signInRules.js';
import type { SimulatorRuntime } from './simulatedClient.js';
import { isValidTotp, randomId, randomNumericCode } from './totp.js';

/**
 * Step-up against the simulator's own users, by the sign-in rules: the preferred factor (else the
 * first enabled one), wrong codes counted towards the same lockout, never the password alone.
 */
export function createSimulatedStepUpVerifier(runtime: SimulatorRuntime): StepUpVerifier {
  const { state, outbox } = runtime;
  let pending: { username: string; method: MfaMethod; code?: string; expiresAt: number } | null = null;

  const signedInUser = () => {
    const user = state.session ? state.users[state.session.username] : undefined;
    return user ?? errors.signedOut();
  };

  return {
    async begin() {
      await Promise.resolve();
      const user = signedInUser();
      const factors = activeFactors({ ...state, mfaConfiguration: 'OPTIONAL' }, user);
      const method = user.preferred && factors.includes(user.preferred) ? user.preferred : factors[0];
      if (!method) return fail('MfaNotEnrolledException', 'The user has no MFA factor to step up with.');
      let codeDeliveryDetails: CodeDeliveryDetails | undefined;
      let code: string | undefined;
      if (method !== 'TOTP') {
        code = randomNumericCode();
        const to = (method === 'SMS' ? user.attributes.phone_number : user.attributes.email) ?? '';
        outbox.deliver({
          channel: method,
          to,
          username: user.username,
          code,
          text: `Your confirmation code is ${code}`,
          sentAt: runtime.now(),
        });
        codeDeliveryDetails =
          method === 'SMS'
            ? { destination: maskPhone(to), deliveryMedium: 'SMS', attributeName: 'phone_number' }
            : { destination: maskEmail(to), deliveryMedium: 'EMAIL', attributeName: 'email' };
      }
      pending = { username: user.username, method, code, expiresAt: runtime.now() + 3 * 60_000 };
      return { method, requiresPassword: false, codeDeliveryDetails };
    },

    async verify({ code }) {
      await Promise.resolve();
      const user = signedInUser();
      if (!pending || pending.username !== user.username || pending.expiresAt <= runtime.now()) {
        pending = null;
        return fail('NotAuthorizedException', 'Invalid session for the user, session is expired.');
      }
      if (user.lockedUntil !== undefined && user.lockedUntil > runtime.now()) return errors.lockedOut();
      const valid =
        pending.method === 'TOTP'
          ? user.totpSecret !== undefined && isValidTotp(user.totpSecret, code, runtime.now())
          : code === pending.code;
      if (!valid) {
        user.failedMfaAttempts += 1;
        user.lockedUntil = lockoutAfterFailure(user.failedMfaAttempts, runtime.now());
        runtime.commit();
        return errors.codeMismatch();
      }
      user.failedMfaAttempts = 0;
      user.lockedUntil = undefined;
      runtime.commit();
      const proof = {
        token: `simulated-step-up.${randomId()}`,
        verifiedAt: runtime.now(),
        method: pending.method,
      };
      pending = null;
      return proof;
    },
  };
}

/**
 * Step-up the way a Cognito side session runs it (`amplifyReauthVerifier`): the password first,
 * then the code of the factor Cognito picks (an SMS or email is sent only after the password).
 */
export function createSimulatedReauthVerifier(runtime: SimulatorRuntime): StepUpVerifier {
  const afterPassword = createSimulatedStepUpVerifier(runtime);
  return {
    async begin() {
      await Promise.resolve();
      if (!runtime.state.session) errors.signedOut();
      return { method: 'TOTP', requiresPassword: true, passwordFirst: true };
    },
    async submitPassword(password) {
      await Promise.resolve();
      const user = runtime.state.session ? runtime.state.users[runtime.state.session.username] : undefined;
      if (!user) return errors.signedOut();
      if (user.password !== password) return errors.incorrectCredentials();
      return afterPassword.begin();
    },
    verify: (input) => afterPassword.verify(input),
  };
}
