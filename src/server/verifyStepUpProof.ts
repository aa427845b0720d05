import { type PoolTokenOptions, verifyPoolJwt } from './poolJwt.js';

export interface VerifyStepUpProofOptions extends PoolTokenOptions {
  /** The app client the ID token was issued to (its `aud`). */
  clientId: string;
  /** How old the authentication may be; the `auth_time` claim is checked against it. */
  maxAgeSeconds: number;
  now?: () => number;
}

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
 * pool's JWKS, issuer, audience, `token_use: id`, expiry, and that `auth_time` is recent enough.
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
  if (age > options.maxAgeSeconds * 1000) {
    throw new StepUpProofError(
      'stale',
      `The step-up is ${Math.round(age / 1000)} s old; at most ${options.maxAgeSeconds} s is accepted.`,
    );
  }
  const username =
    typeof payload['cognito:username'] === 'string' ? payload['cognito:username'] : payload.sub;
  return { sub: payload.sub, username, authTime };
}
