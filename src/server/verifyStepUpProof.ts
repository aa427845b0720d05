import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { type PoolTokenOptions, verifyPoolJwt } from './poolJwt.js';

export interface VerifyStepUpProofOptions extends PoolTokenOptions {
  /** The app client the ID token was issued to (its `aud`). */
  clientId: string;
  /** How old the authentication may be; the `auth_time` claim is checked against it. */
  maxAgeSeconds: number;
  /**
   * Cognito ID tokens carry no `amr`: a token from a password-only sign-in looks the same as one
   * after MFA. Pass a check that the user really has MFA (e.g. `AdminGetUser`'s
   * `UserMFASettingList` is not empty), or run the pool with MFA required. Resolve `false` to refuse.
   */
  requireMfa?: (identity: StepUpIdentity) => Promise<boolean> | boolean;
  now?: () => number;
}

/** Clock skew tolerated between this server and Cognito for an `auth_time` slightly ahead of us. */
const FUTURE_SKEW_MS = 60_000;

export interface StepUpIdentity {
  sub: string;
  username: string;
  /** Epoch ms of the step-up authentication. */
  authTime: number;
}

/** Why a proof was refused: `stale` means re-prompt (answer with `stepUpRequired`), `invalid` means reject. */
export class StepUpProofError extends Error {
  override readonly name = 'StepUpProofError';
  readonly reason: 'invalid' | 'stale';
  constructor(reason: 'invalid' | 'stale', message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.reason = reason;
  }
}

/**
 * Checks a step-up proof (a Cognito ID token from `cognitoReauthVerifier`): signature against the
 * pool's JWKS, issuer, audience, `token_use: id`, expiry, that `auth_time` is recent enough and not in
 * the future, and — with `requireMfa` — that the user has MFA. Every endpoint that `guard()` or
 * `stepUpFetch` protects must call this: what the browser decides is only the user experience.
 */
export async function verifyStepUpProof(
  token: string,
  options: VerifyStepUpProofOptions,
): Promise<StepUpIdentity> {
  let payload: Record<string, unknown>;
  try {
    payload = await verifyPoolJwt(token, { ...options, audience: options.clientId });
  } catch (error) {
    throw new StepUpProofError('invalid', 'The step-up proof is not a valid token for this pool.', {
      cause: error,
    });
  }
  if (payload.token_use !== 'id')
    throw new StepUpProofError('invalid', 'The step-up proof must be an ID token.');
  if (typeof payload.auth_time !== 'number' || typeof payload.sub !== 'string') {
    throw new StepUpProofError('invalid', 'The step-up proof has no auth_time or sub.');
  }
  const authTime = payload.auth_time * 1000;
  const age = (options.now?.() ?? Date.now()) - authTime;
  if (!Number.isFinite(age) || age < -FUTURE_SKEW_MS)
    throw new StepUpProofError('invalid', 'The step-up proof has an auth_time in the future.');
  if (age > options.maxAgeSeconds * 1000) {
    throw new StepUpProofError(
      'stale',
      `The step-up is ${Math.round(age / 1000)} s old; at most ${options.maxAgeSeconds} s is accepted.`,
    );
  }
  const username =
    typeof payload['cognito:username'] === 'string' ? payload['cognito:username'] : payload.sub;
  const identity = { sub: payload.sub, username, authTime };
  if (options.requireMfa && !(await options.requireMfa(identity)))
    throw new StepUpProofError('invalid', 'The user has no MFA, so the proof shows only a password.');
  return identity;
}

/**
 * A `requireMfa` check over Cognito: `AdminGetUser` (cognito-idp:AdminGetUser) lists the MFA the user
 * has set up; an empty list means the proof came from a password alone. One Cognito call per check.
 */
export function cognitoUserHasMfa(options: {
  cognito: CognitoIdentityProviderClient;
  userPoolId: string;
}): (identity: StepUpIdentity) => Promise<boolean> {
  return async (identity) => {
    const { AdminGetUserCommand } = await import('@aws-sdk/client-cognito-identity-provider');
    const user = await options.cognito.send(
      new AdminGetUserCommand({ UserPoolId: options.userPoolId, Username: identity.username }),
    );
    return (user.UserMFASettingList?.length ?? 0) > 0;
  };
}
