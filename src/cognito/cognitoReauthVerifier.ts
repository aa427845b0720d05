import { awsStyleError } from '../core/errors.js';
import type { StepUpChallenge, StepUpProof, StepUpVerifier } from '../ports.js';

export interface CognitoReauthVerifierOptions {
  /** e.g. `eu-west-1_AbCdEf123`; its region picks the endpoint. */
  userPoolId: string;
  /** An app client that allows ALLOW_USER_PASSWORD_AUTH. */
  clientId: string;
  /** The signed-in user's username, e.g. `() => getCurrentUser().then((u) => u.username)`. */
  getUsername: () => Promise<string> | string;
  /** Override for emulators such as cognito-local. */
  endpoint?: string;
  /** Only USER_PASSWORD_AUTH for now; SRP needs a maintained SRP implementation (see the issue). */
  authFlowType?: 'USER_PASSWORD_AUTH';
  fetch?: typeof fetch;
}

const CHALLENGE_SESSION_MS = 3 * 60 * 1000;

/** `auth_time` from a JWT payload, in ms. Reading a claim, not trusting it: the server verifies the signature. */
function authTimeOf(jwt: string): number | undefined {
  const payload = jwt.split('.')[1];
  if (!payload) return undefined;
  try {
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { auth_time?: unknown };
    return typeof json.auth_time === 'number' ? json.auth_time * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Re-authenticates the signed-in user in a side session straight against Cognito's API
 * (InitiateAuth, then RespondToAuthChallenge with the TOTP code). Amplify's stored session is never
 * read or written. The proof is the fresh ID token, whose `auth_time` the backend checks.
 */
export function cognitoReauthVerifier({
  userPoolId,
  clientId,
  getUsername,
  endpoint,
  fetch: fetchImpl = globalThis.fetch.bind(globalThis),
}: CognitoReauthVerifierOptions): StepUpVerifier {
  const region = userPoolId.split('_')[0] ?? '';
  const url = endpoint ?? `https://cognito-idp.${region}.amazonaws.com/`;
  // A wrong code may be retried on the same Cognito session, without sending the password again.
  let pending: { username: string; session: string; expiresAt: number } | null = null;

  const call = async (target: string, body: unknown) => {
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-amz-json-1.1',
          'X-Amz-Target': `AWSCognitoIdentityProviderService.${target}`,
        },
        body: JSON.stringify(body),
      });
    } catch {
      throw awsStyleError('NetworkError', 'Cognito could not be reached.');
    }
    const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok) {
      const type = String(json.__type ?? json.code ?? 'UnknownError');
      throw awsStyleError(
        type.slice(type.lastIndexOf('#') + 1),
        String(json.message ?? 'Cognito refused the request.'),
      );
    }
    return json;
  };

  const proofFrom = (result: Record<string, unknown>): StepUpProof => {
    const tokens = result.AuthenticationResult as { IdToken?: string } | undefined;
    if (!tokens?.IdToken) throw awsStyleError('UnknownError', 'Cognito returned no ID token.');
    return { token: tokens.IdToken, verifiedAt: authTimeOf(tokens.IdToken) ?? Date.now(), method: 'TOTP' };
  };

  return {
    async begin(): Promise<StepUpChallenge> {
      pending = null;
      return { method: 'TOTP', requiresPassword: true };
    },

    async verify({ code, password }) {
      const username = await getUsername();
      if (!pending || pending.username !== username || pending.expiresAt <= Date.now()) {
        if (!password) throw awsStyleError('InvalidParameterException', 'The password is required.');
        const started = await call('InitiateAuth', {
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: clientId,
          AuthParameters: { USERNAME: username, PASSWORD: password },
        });
        if (started.AuthenticationResult) {
          // The password alone signed in: no factor to step up with, and a password must never be enough.
          throw awsStyleError('MfaNotEnrolledException', 'The user has no MFA factor to step up with.');
        }
        if (started.ChallengeName !== 'SOFTWARE_TOKEN_MFA') {
          throw awsStyleError(
            'UnsupportedChallengeException',
            `Step-up cannot answer ${String(started.ChallengeName)} yet.`,
          );
        }
        pending = {
          username,
          session: String(started.Session),
          expiresAt: Date.now() + CHALLENGE_SESSION_MS,
        };
      }
      try {
        const result = await call('RespondToAuthChallenge', {
          ChallengeName: 'SOFTWARE_TOKEN_MFA',
          ClientId: clientId,
          Session: pending.session,
          ChallengeResponses: { USERNAME: username, SOFTWARE_TOKEN_MFA_CODE: code },
        });
        pending = null;
        return proofFrom(result);
      } catch (error) {
        // Only a wrong code keeps the session; anything else starts over with the password.
        if ((error as Error).name !== 'CodeMismatchException') pending = null;
        throw error;
      }
    },
  };
}
