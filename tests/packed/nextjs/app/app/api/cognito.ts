// The pool this server trusts, read from the environment when the first request arrives (not at
// build time). The example's test points it at cognito-local.
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

export function poolConfig() {
  return {
    userPoolId: required('USER_POOL_ID'),
    clientId: required('USER_POOL_CLIENT_ID'),
    // Emulators only: a real pool's issuer follows from userPoolId, its keys are fetched over https.
    issuer: process.env.COGNITO_ISSUER,
    jwks: process.env.COGNITO_JWKS ? JSON.parse(process.env.COGNITO_JWKS) : undefined,
  };
}

export function cognitoClient() {
  return new CognitoIdentityProviderClient({ endpoint: process.env.COGNITO_ENDPOINT });
}
