import { createPrivateKey, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';

/**
 * A pool stand-in that signs tokens with its own RSA key (node:crypto does the signing), so tests can
 * hand `verifyPoolJwt` tokens Cognito would never issue — an access token with an `aud`, an ID token
 * without `auth_time` — and show that mfa-kit's own checks refuse them, not only aws-jwt-verify's.
 */
export interface LocalIssuer {
  userPoolId: string;
  issuer: string;
  jwksUri: string;
  jwks: { keys: Record<string, unknown>[] };
  /** A signed RS256 JWT with `iss` and, unless given, `iat`/`exp` around `nowSeconds`. */
  token(claims: Record<string, unknown>, nowSeconds?: number): string;
}

const base64Url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

let counter = 0;

export function localIssuer(): LocalIssuer {
  counter += 1;
  const userPoolId = `eu-west-1_Local${counter}${Date.now().toString(36)}`;
  // Cognito's own issuer form, so `verifyPoolJwt` can be tried with its default issuer too.
  const issuer = `https://cognito-idp.eu-west-1.amazonaws.com/${userPoolId}`;
  const kid = `key-${counter}`;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' });
  const key: KeyObject = createPrivateKey(privateKey.export({ format: 'pem', type: 'pkcs8' }));
  return {
    userPoolId,
    issuer,
    jwksUri: `${issuer}/.well-known/jwks.json`,
    jwks: { keys: [{ ...jwk, kid, alg: 'RS256', use: 'sig' }] },
    token(claims, nowSeconds = Math.floor(Date.now() / 1000)) {
      const header = base64Url(JSON.stringify({ alg: 'RS256', kid, typ: 'JWT' }));
      const payload = base64Url(
        JSON.stringify({ iss: issuer, iat: nowSeconds, exp: nowSeconds + 3600, ...claims }),
      );
      const signature = sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), key);
      return `${header}.${payload}.${base64Url(signature)}`;
    },
  };
}
