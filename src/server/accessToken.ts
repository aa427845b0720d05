import { type PoolTokenOptions, verifyPoolJwt } from './poolJwt.js';

export interface AccessTokenOptions extends PoolTokenOptions {
  /** The app client whose access tokens are accepted; tokens of other clients are refused. */
  clientId: string;
}

/**
 * The claims of a valid Cognito access token issued to this app client, with a string `username`;
 * undefined for anything else (bad signature, expired, an ID token, another client's token).
 */
export async function accessTokenClaims(
  token: string,
  options: AccessTokenOptions,
): Promise<(Record<string, unknown> & { username: string }) | undefined> {
  let claims: Record<string, unknown>;
  try {
    claims = await verifyPoolJwt(token, { ...options, audience: null });
  } catch {
    return undefined;
  }
  const fromThisClient = claims.token_use === 'access' && claims.client_id === options.clientId;
  if (!fromThisClient || typeof claims.username !== 'string') return undefined;
  return claims as Record<string, unknown> & { username: string };
}
