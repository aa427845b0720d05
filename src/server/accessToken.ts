import { type PoolTokenOptions, verifyPoolJwt } from './poolJwt.js';

export interface AccessTokenOptions extends PoolTokenOptions {
  /** The app client whose access tokens are accepted; tokens of other clients are refused. */
  clientId: string;
}

/** Verified claims are those of an access token of this app client, naming a user. */
export function isClientAccessToken(
  claims: Record<string, unknown>,
  clientId: string,
): claims is Record<string, unknown> & { username: string } {
  return (
    claims.token_use === 'access' && claims.client_id === clientId && typeof claims.username === 'string'
  );
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
  return isClientAccessToken(claims, options.clientId) ? claims : undefined;
}
