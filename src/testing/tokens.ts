import { mfaClaimsFor } from '../core/mfaClaims.js';
import { evaluateMfaCompliance, type MfaPolicy } from '../core/mfaPolicy.js';
import type { AuthJwt, AuthSession } from '../ports.js';
import type { SimulatorRuntime } from './simulatedClient.js';
import type { IssuedTokens, StoredUser } from './state.js';

/** Cognito's default ID and access token lifetime. */
export const TOKEN_LIFETIME_MS = 60 * 60_000;

/**
 * Claims as Cognito writes them at sign-in or refresh, after the pool's Pre Token Generation trigger
 * (V2: both tokens) when the simulator has an `mfaPolicy` — the same claims `mfaPreTokenGeneration`
 * from `mfa-kit/server` adds. A snapshot: later changes show only after a refresh.
 */
export function issueTokens(runtime: SimulatorRuntime, user: StoredUser): IssuedTokens {
  const now = runtime.now();
  const seconds = Math.floor(now / 1000);
  const common: Record<string, unknown> = {
    sub: user.userId,
    iss: 'https://cognito-idp.simulator.localhost/simulator',
    auth_time: seconds,
    iat: seconds,
    exp: seconds + TOKEN_LIFETIME_MS / 1000,
    ...(user.groups.length > 0 ? { 'cognito:groups': [...user.groups] } : {}),
  };
  const mfa = runtime.mfaPolicy ? mfaClaimsFor(evaluate(runtime.mfaPolicy, user, now)) : {};
  return {
    issuedAt: now,
    id: {
      ...common,
      aud: 'simulator-client',
      token_use: 'id',
      'cognito:username': user.username,
      ...(user.attributes.email ? { email: user.attributes.email } : {}),
      ...mfa,
    },
    access: {
      ...common,
      client_id: 'simulator-client',
      token_use: 'access',
      username: user.username,
      ...mfa,
    },
  };
}

function evaluate(policy: MfaPolicy, user: StoredUser, now: number) {
  return evaluateMfaCompliance(policy, {
    groups: user.groups,
    enabledMethods: user.enabled,
    userCreatedAt: user.createdAt,
    now,
  });
}

function base64url(value: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** An unsigned compact JWT (`alg: none`): the simulator has no keys, and nothing should trust it. */
function jwt(payload: Record<string, unknown>): AuthJwt {
  const compact = `${base64url({ alg: 'none', typ: 'JWT', kid: 'mfa-kit-simulator' })}.${base64url(payload)}.`;
  return { payload: structuredClone(payload), toString: () => compact };
}

export function sessionFrom(tokens: IssuedTokens, userSub: string): AuthSession {
  return { tokens: { idToken: jwt(tokens.id), accessToken: jwt(tokens.access) }, userSub };
}
