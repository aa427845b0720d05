import { Amplify, createAmplifyContext, type ResourcesConfig } from 'aws-amplify';
import { createUserPoolsTokenProvider } from 'aws-amplify/adapter-core';
import { confirmSignIn, fetchAuthSession, getCurrentUser, type SignInOutput, signIn } from 'aws-amplify/auth';
import type { KeyValueStorageInterface } from 'aws-amplify/utils';
import { awsStyleError } from '../core/errors.js';
import type { MfaMethod, StepUpChallenge, StepUpProof, StepUpVerifier } from '../ports.js';

export interface AmplifyReauthVerifierOptions {
  /** Default `USER_SRP_AUTH` (Amplify's own SRP); `USER_PASSWORD_AUTH` for pools that allow it. */
  authFlowType?: 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH';
  /** The pool configuration; default `Amplify.getConfig()`. */
  config?: ResourcesConfig;
  /** The signed-in user's username; default `getCurrentUser()` of the app's session. */
  getUsername?: () => Promise<string> | string;
}

/** The side session's tokens live here and nowhere else: never in the app's localStorage or cookies. */
class MemoryStorage implements KeyValueStorageInterface {
  private readonly items = new Map<string, string>();
  async setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  async getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  async removeItem(key: string) {
    this.items.delete(key);
  }
  async clear() {
    this.items.clear();
  }
}

type SideSession = {
  context: ReturnType<typeof createAmplifyContext>;
  storage: MemoryStorage;
  method: MfaMethod;
};

const notEnrolled = () =>
  awsStyleError('MfaNotEnrolledException', 'The user has no MFA factor to step up with.');

/**
 * Step-up by re-authenticating the signed-in user in an Amplify side session: an
 * `createAmplifyContext` with its own in-memory token store, so the app's session and storage are
 * untouched. The password goes first (SRP by default); Cognito then picks the factor and, for SMS
 * or email, sends the code. The proof is the side session's fresh ID token.
 *
 * Amplify dispatches its global Hub `signedIn` event for the side session too (same user); listeners
 * that treat `signedIn` as a new sign-in should compare the username.
 */
export function amplifyReauthVerifier(options: AmplifyReauthVerifierOptions = {}): StepUpVerifier {
  const authFlowType = options.authFlowType ?? 'USER_SRP_AUTH';
  let side: SideSession | null = null;

  const openSide = (): Omit<SideSession, 'method'> => {
    const config = options.config ?? Amplify.getConfig();
    if (!config.Auth) throw awsStyleError('InvalidParameterException', 'Amplify has no Auth configuration.');
    const storage = new MemoryStorage();
    const context = createAmplifyContext(config, {
      Auth: { tokenProvider: createUserPoolsTokenProvider(config.Auth, storage) },
    });
    return { context, storage };
  };

  const challengeFor = async (
    session: Omit<SideSession, 'method'>,
    output: SignInOutput,
  ): Promise<StepUpChallenge> => {
    const step = output.nextStep;
    switch (step.signInStep) {
      case 'CONFIRM_SIGN_IN_WITH_TOTP_CODE':
        side = { ...session, method: 'TOTP' };
        return { method: 'TOTP', requiresPassword: false };
      case 'CONFIRM_SIGN_IN_WITH_SMS_CODE':
      case 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE': {
        const method = step.signInStep === 'CONFIRM_SIGN_IN_WITH_SMS_CODE' ? 'SMS' : 'EMAIL';
        side = { ...session, method };
        return { method, requiresPassword: false, codeDeliveryDetails: step.codeDeliveryDetails };
      }
      case 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION': {
        // The strongest factor the user has: an authenticator app over codes sent by SMS or email.
        const allowed = step.allowedMFATypes ?? [];
        const choice = allowed.includes('TOTP') ? 'TOTP' : allowed.includes('EMAIL') ? 'EMAIL' : allowed[0];
        if (!choice) throw notEnrolled();
        return challengeFor(session, await confirmSignIn(session.context, { challengeResponse: choice }));
      }
      default:
        // DONE (the password alone signed in) or an enrolment step: no factor, and a password must never be enough.
        await session.storage.clear();
        throw notEnrolled();
    }
  };

  return {
    async begin() {
      side = null;
      return { method: 'TOTP', requiresPassword: true, passwordFirst: true };
    },

    async submitPassword(password) {
      side = null;
      const username = options.getUsername ? await options.getUsername() : (await getCurrentUser()).username;
      const session = openSide();
      const output = await signIn(session.context, { username, password, options: { authFlowType } });
      return challengeFor(session, output);
    },

    async verify({ code }): Promise<StepUpProof> {
      const session = side;
      if (!session)
        throw awsStyleError('NotAuthorizedException', 'Invalid session for the user, session is expired.');
      try {
        const output = await confirmSignIn(session.context, { challengeResponse: code });
        if (output.nextStep.signInStep !== 'DONE')
          throw awsStyleError(
            'UnsupportedChallengeException',
            `Step-up cannot answer ${output.nextStep.signInStep}.`,
          );
        const idToken = (await fetchAuthSession(session.context)).tokens?.idToken;
        if (!idToken) throw awsStyleError('UnknownError', 'Cognito returned no ID token.');
        const authTime = idToken.payload.auth_time;
        side = null;
        await session.storage.clear();
        return {
          token: idToken.toString(),
          verifiedAt: typeof authTime === 'number' ? authTime * 1000 : Date.now(),
          method: session.method,
        };
      } catch (error) {
        // A wrong code may be retried on the same challenge; anything else starts again with the password.
        if ((error as Error).name !== 'CodeMismatchException') side = null;
        throw error;
      }
    },
  };
}
