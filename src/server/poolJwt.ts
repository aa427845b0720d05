import { JwtVerifier } from 'aws-jwt-verify';

export interface PoolTokenOptions {
  userPoolId: string;
  /** Defaults to `https://cognito-idp.{region}.amazonaws.com/{userPoolId}`; override for emulators. */
  issuer?: string;
  /** Defaults to `{issuer}/.well-known/jwks.json` (fetched over https). */
  jwksUri?: string;
  /** The pool's JWKS, when it is already at hand (or served over plain http, as by emulators). */
  jwks?: Parameters<ReturnType<typeof JwtVerifier.create>['cacheJwks']>[0];
}

type Jwks = NonNullable<PoolTokenOptions['jwks']>;
/** The part of aws-jwt-verify's verifier used here, once every property was fixed at creation. */
interface PoolVerifier {
  verify(jwt: string): Promise<unknown>;
  cacheJwks(jwks: Jwks): void;
}

const verifiers = new Map<string, PoolVerifier>();

/**
 * Verifies a token's signature against the pool's JWKS, its issuer, expiry and (for ID tokens) its
 * audience, and returns the payload. Verifiers are cached so the JWKS is fetched once.
 */
export async function verifyPoolJwt(
  token: string,
  options: PoolTokenOptions & { audience: string | null },
): Promise<Record<string, unknown>> {
  const region = options.userPoolId.split('_')[0] ?? '';
  const issuer = options.issuer ?? `https://cognito-idp.${region}.amazonaws.com/${options.userPoolId}`;
  const jwksUri = options.jwksUri ?? `${issuer}/.well-known/jwks.json`;
  const key = `${issuer} ${jwksUri} ${options.audience}`;
  const verifier =
    verifiers.get(key) ??
    (JwtVerifier.create({ issuer, jwksUri, audience: options.audience }) as unknown as PoolVerifier);
  verifiers.set(key, verifier);
  if (options.jwks) verifier.cacheJwks(options.jwks);
  return (await verifier.verify(token)) as Record<string, unknown>;
}
