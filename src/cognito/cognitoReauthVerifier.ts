import { awsStyleError } from '../core/errors.js';
import type {
  CodeDeliveryDetails,
  MfaMethod,
  StepUpChallenge,
  StepUpProof,
  StepUpVerifier,
} from '../ports.js';

export interface CognitoReauthVerifierOptions {
  /** e.g. `eu-west-1_AbCdEf123`; its region picks the endpoint. */
  userPoolId: string;
  /** An app client that allows ALLOW_USER_PASSWORD_AUTH. */
  clientId: string;
  /** The signed-in user's username, e.g. `() => getCurrentUser().then((u) => u.username)`. */
  getUsername: () => Promise<string> | string;
  /** Override for emulators such as cognito-local. */
  endpoint?: string;
  /**
   * USER_PASSWORD_AUTH only: this verifier has no Amplify dependency. For SRP use
   * `amplifyReauthVerifier` from `mfa-kit/amplify`, which runs Amplify's own SRP.
   */
  authFlowType?: 'USER_PASSWORD_AUTH';
  fetch?: typeof fetch;
}

const CHALLENGE_SESSION_MS = 3 * 60 * 1000;

type Pending = { username: string; session: string; challengeName: string; expiresAt: number };

/** Cognito's MFA challenges, the method each asks for and the response field carrying the code. */
const challenges: Record<string, { method: MfaMethod; codeField: string }> = {
  SOFTWARE_TOKEN_MFA: { method: 'TOTP', codeField: 'SOFTWARE_TOKEN_MFA_CODE' },
  SMS_MFA: { method: 'SMS', codeField: 'SMS_MFA_CODE' },
  EMAIL_OTP: { method: 'EMAIL', codeField: 'EMAIL_OTP_CODE' },
};

/** SELECT_MFA_TYPE answers, strongest first. */
const selectable: Array<[string, string]> = [
  ['SOFTWARE_TOKEN_MFA', 'SOFTWARE_TOKEN_MFA'],
  ['EMAIL_OTP', 'EMAIL_OTP'],
  ['SMS_MFA', 'SMS_MFA'],
];

function deliveryFrom(parameters: unknown, method: MfaMethod): CodeDeliveryDetails | undefined {
  const destination = (parameters as Record<string, unknown> | undefined)?.CODE_DELIVERY_DESTINATION;
  if (typeof destination !== 'string') return undefined;
  return { destination, deliveryMedium: method === 'SMS' ? 'SMS' : 'EMAIL' };
}

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
 * (InitiateAuth with the password, then RespondToAuthChallenge with the code of the factor Cognito
 * picks: TOTP, SMS or email). Amplify's stored session is never read or written. The proof is the
 * fresh ID token, whose `auth_time` the backend checks.
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
  let pending: Pending | null = null;
  let lastDelivery: CodeDeliveryDetails | undefined;

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

  const toPending = (username: string, started: Record<string, unknown>): Pending => ({
    username,
    session: String(started.Session),
    challengeName: String(started.ChallengeName),
    expiresAt: Date.now() + CHALLENGE_SESSION_MS,
  });

  /** The password, in USER_PASSWORD_AUTH; Cognito answers with the MFA challenge it picked. */
  const start = async (username: string, password: string): Promise<Pending> => {
    let started = await call('InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: clientId,
      AuthParameters: { USERNAME: username, PASSWORD: password },
    });
    if (started.ChallengeName === 'SELECT_MFA_TYPE') {
      const offered = String(
        (started.ChallengeParameters as Record<string, unknown> | undefined)?.MFAS_CAN_CHOOSE ?? '',
      );
      const answer = selectable.find(([name]) => offered.includes(name))?.[1] ?? 'SOFTWARE_TOKEN_MFA';
      started = await call('RespondToAuthChallenge', {
        ChallengeName: 'SELECT_MFA_TYPE',
        ClientId: clientId,
        Session: started.Session,
        ChallengeResponses: { USERNAME: username, ANSWER: answer },
      });
    }
    if (started.AuthenticationResult) {
      // The password alone signed in: no factor to step up with, and a password must never be enough.
      throw awsStyleError('MfaNotEnrolledException', 'The user has no MFA factor to step up with.');
    }
    const known = challenges[String(started.ChallengeName)];
    if (!known) {
      throw awsStyleError(
        String(started.ChallengeName) === 'MFA_SETUP'
          ? 'MfaNotEnrolledException'
          : 'UnsupportedChallengeException',
        `Step-up cannot answer ${String(started.ChallengeName)}.`,
      );
    }
    lastDelivery = deliveryFrom(started.ChallengeParameters, known.method);
    return toPending(username, started);
  };

  return {
    async begin(): Promise<StepUpChallenge> {
      pending = null;
      return { method: 'TOTP', requiresPassword: true, passwordFirst: true };
    },

    async submitPassword(password) {
      pending = null;
      pending = await start(await getUsername(), password);
      const method = challenges[pending.challengeName]?.method ?? 'TOTP';
      return { method, requiresPassword: false, codeDeliveryDetails: lastDelivery };
    },

    async verify({ code, password }) {
      const username = await getUsername();
      if (!pending || pending.username !== username || pending.expiresAt <= Date.now()) {
        // Password and code in one call (a TOTP user): start the side session now.
        if (!password)
          throw awsStyleError('NotAuthorizedException', 'Invalid session for the user, session is expired.');
        pending = await start(username, password);
      }
      const challenge = challenges[pending.challengeName] ?? challenges.SOFTWARE_TOKEN_MFA;
      try {
        const result = await call('RespondToAuthChallenge', {
          ChallengeName: pending.challengeName,
          ClientId: clientId,
          Session: pending.session,
          ChallengeResponses: {
            USERNAME: username,
            [challenge?.codeField ?? 'SOFTWARE_TOKEN_MFA_CODE']: code,
          },
        });
        pending = null;
        return { ...proofFrom(result), method: challenge?.method ?? 'TOTP' };
      } catch (error) {
        // Only a wrong code keeps the session; anything else starts over with the password.
        if ((error as Error).name !== 'CodeMismatchException') pending = null;
        throw error;
      }
    },
  };
}
