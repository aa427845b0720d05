import { createMfaHandler, type MfaHandler, memoryStore } from 'mfa-kit/server';
import { cognitoClient, poolConfig } from '../../cognito';

let handler: MfaHandler | undefined;

function mfa(request: Request) {
  handler ??= createMfaHandler({
    ...poolConfig(),
    cognito: cognitoClient(),
    store: memoryStore(),
    pepper: process.env.RECOVERY_PEPPER ?? '',
    basePath: '/api/mfa',
    // `next start` appends the client's address to X-Forwarded-For.
    trustedProxies: 1,
  });
  return handler(request);
}

export const GET = mfa;
export const POST = mfa;
export const OPTIONS = mfa;
