import { JwtVerifier } from 'aws-jwt-verify';

export interface VerifyStepUpProofOptions {
  userPoolId: string;
  /** The app client the ID token was issued to (its `aud`). */
  clientId: string;
  /** How old the authentication may be; the `auth_time` claim is checked against it. */
  maxAgeSeconds: number;
  /** Defaults to `https://cognito-idp.{region}.amazonaws.com/{userPoolId}`; override for emulators. */
  issuer?: string;
  /** Defaults to `{issuer}/.well-known/jwks.json` (fetched over https). */
  jwksUri?: string;
  /** The pool's JWKS, when it is already at hand (or served over plain http, as by emulators). */
  jwks?: Parameters<ReturnType<typeof JwtVerifier.create>['cacheJwks']>[0];
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

const verifiers = new Map<string, ReturnType<typeof createVerifier>>();

function createVerifier(issuer: string, jwksUri: string, clientId: string) {
  return JwtVerifier.create({ issuer, jwksUri, audience: clientId });
}

/**
 * Checks a step-up proof (a Cognito ID token from `cognitoReauthVerifier`): signature against the
 * pool's JWKS, issuer, audience, `token_use: id`, expiry, and that `auth_time` is recent enough.
 */
export async function verifyStepUpProof(
  token: string,
  options: VerifyStepUpProofOptions,
): Promise<StepUpIdentity> {
  const region = options.userPoolId.split('_')[0] ?? '';
  const issuer = options.issuer ?? `https://cognito-idp.${region}.amazonaws.com/${options.userPoolId}`;
  const jwksUri = options.jwksUri ?? `${issuer}/.well-known/jwks.json`;
  const key = `${issuer} ${jwksUri} ${options.clientId}`;
  const verifier = verifiers.get(key) ?? createVerifier(issuer, jwksUri, options.clientId);
  verifiers.set(key, verifier);
  if (options.jwks) verifier.cacheJwks(options.jwks);

  let payload: Record<string, unknown>;
  try {
    payload = (await verifier.verify(token)) as Record<string, unknown>;
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
