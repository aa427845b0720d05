import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { bearerToken, defaultClientIp, json, readJsonObject } from './http.js';
import type { PoolTokenOptions } from './poolJwt.js';
import { verifyPoolJwt } from './poolJwt.js';
import type { RecoveryAuditSink } from './recovery/audit.js';
import { cognitoIdentity } from './recovery/cognitoIdentity.js';
import type { RecoveryIdentity } from './recovery/identity.js';
import { createRecoveryService, type RateLimit, RecoveryResetError } from './recovery/service.js';
import type { RecoveryCodeStore } from './recovery/store.js';
import { stepUpRequired } from './stepUpRequired.js';
import { StepUpProofError, verifyStepUpProof } from './verifyStepUpProof.js';

export interface MfaHandlerOptions extends PoolTokenOptions {
  userPoolId: string;
  /** The app client whose access tokens may call generate and status, and which redeem signs in with. */
  clientId: string;
  clientSecret?: string;
  /** SDK v3 client with admin rights on the pool. */
  cognito: CognitoIdentityProviderClient;
  store: RecoveryCodeStore;
  /** Server secret (≥ 32 characters) mixed into every code hash. Keep it out of the store. */
  pepper: string;
  /** Where the routes live. Default `/mfa`. */
  basePath?: string;
  audit?: RecoveryAuditSink;
  perUserLimit?: RateLimit;
  perIpLimit?: RateLimit;
  /**
   * The caller's address for per-IP limits. Default: the socket (through `nodeListener`), else the
   * last X-Forwarded-For entry, else X-Real-IP.
   */
  clientIp?: (request: Request) => string | undefined;
  /** Origins allowed to call from a browser (CORS). Default: same origin only. */
  allowedOrigins?: string[];
  /**
   * Replacing existing codes needs a fresh MFA verification (RFC 9470): without an
   * `X-Step-Up-Proof` ID token younger than `maxAgeSeconds` the answer is `stepUpRequired`, which
   * `stepUpFetch` turns into the step-up prompt. Recommended: a stolen access token alone then
   * cannot swap the user's codes for the thief's.
   */
  regenerateStepUp?: { maxAgeSeconds: number };
  /** Replaces the Cognito calls, e.g. for another identity store. */
  identity?: RecoveryIdentity;
  now?: () => number;
}

export type MfaHandler = (request: Request) => Promise<Response>;

/**
 * The recovery-code API as a Web-standard handler (Next.js route handlers, Lambda, Deno, Bun; Express
 * and Fastify through `nodeListener`):
 * - `GET  {basePath}/recovery-codes`        status, for the caller's access token
 * - `POST {basePath}/recovery-codes`        generate a new set (old codes stop working)
 * - `POST {basePath}/recovery-codes/redeem` `{ username, password, code }`
 */
export function createMfaHandler(options: MfaHandlerOptions): MfaHandler {
  const basePath = (options.basePath ?? '/mfa').replace(/\/$/, '');
  const service = createRecoveryService({
    store: options.store,
    pepper: options.pepper,
    identity: options.identity ?? cognitoIdentity(options),
    audit: options.audit,
    perUserLimit: options.perUserLimit,
    perIpLimit: options.perIpLimit,
    now: options.now,
  });
  const clientIp = options.clientIp ?? defaultClientIp;

  async function signedInUsername(request: Request): Promise<string | undefined> {
    const token = bearerToken(request);
    if (!token) return undefined;
    try {
      const claims = await verifyPoolJwt(token, { ...options, audience: null });
      const fromThisClient = claims.token_use === 'access' && claims.client_id === options.clientId;
      return fromThisClient && typeof claims.username === 'string' ? claims.username : undefined;
    } catch {
      return undefined;
    }
  }

  /** When existing codes would be replaced: a fresh step-up of this same user, or the RFC 9470 answer. */
  async function stepUpRefusal(request: Request, username: string): Promise<Response | undefined> {
    const rule = options.regenerateStepUp;
    if (!rule || (await service.status(username)).total === 0) return undefined;
    const proof = request.headers.get('x-step-up-proof');
    if (!proof) return stepUpRequired(rule.maxAgeSeconds);
    try {
      const identity = await verifyStepUpProof(proof, {
        ...options,
        maxAgeSeconds: rule.maxAgeSeconds,
      });
      return identity.username === username ? undefined : json(403, { error: 'STEP_UP_OTHER_USER' });
    } catch (error) {
      if (error instanceof StepUpProofError && error.reason === 'stale')
        return stepUpRequired(rule.maxAgeSeconds);
      return json(403, { error: 'STEP_UP_INVALID' });
    }
  }

  const unauthorized = () =>
    json(401, { error: 'UNAUTHORIZED' }, { 'www-authenticate': 'Bearer error="invalid_token"' });

  async function route(request: Request, path: string): Promise<Response> {
    if (path === '/recovery-codes' && (request.method === 'GET' || request.method === 'POST')) {
      const username = await signedInUsername(request);
      if (!username) return unauthorized();
      if (request.method === 'GET') return json(200, await service.status(username));
      const refusal = await stepUpRefusal(request, username);
      return refusal ?? json(201, await service.generate(username));
    }
    if (path === '/recovery-codes/redeem' && request.method === 'POST') {
      if (Number(request.headers.get('content-length') ?? 0) > 16 * 1024)
        return json(413, { error: 'PAYLOAD_TOO_LARGE' });
      const body = await readJsonObject(request);
      const { username, password, code } = body ?? {};
      if (typeof username !== 'string' || typeof password !== 'string' || typeof code !== 'string')
        return json(400, { error: 'INVALID_REQUEST', message: 'Send { username, password, code } as JSON.' });
      try {
        const result = await service.redeem({ username, password, code, ip: clientIp(request) });
        if (result.ok) return json(200, result);
        if (result.reason === 'RATE_LIMITED')
          return json(429, result, { 'retry-after': String(result.retryAfterSeconds ?? 60) });
        return json(result.reason === 'NOT_AUTHORIZED' ? 401 : 400, result);
      } catch (error) {
        if (error instanceof RecoveryResetError) return json(503, { error: 'MFA_RESET_FAILED' });
        throw error;
      }
    }
    const known = path === '/recovery-codes' || path === '/recovery-codes/redeem';
    return known ? json(405, { error: 'METHOD_NOT_ALLOWED' }) : json(404, { error: 'NOT_FOUND' });
  }

  function withCors(request: Request, response: Response): Response {
    const origin = request.headers.get('origin');
    if (!origin || !options.allowedOrigins?.includes(origin)) return response;
    response.headers.set('access-control-allow-origin', origin);
    // stepUpFetch reads the RFC 9470 challenge and Retry-After from script.
    response.headers.set('access-control-expose-headers', 'www-authenticate, retry-after');
    response.headers.set('vary', 'Origin');
    return response;
  }

  return async (request) => {
    const { pathname } = new URL(request.url);
    if (!pathname.startsWith(`${basePath}/`)) return json(404, { error: 'NOT_FOUND' });
    if (request.method === 'OPTIONS') {
      return withCors(
        request,
        new Response(null, {
          status: 204,
          headers: {
            'access-control-allow-methods': 'GET, POST',
            'access-control-allow-headers': 'authorization, content-type, x-step-up-proof',
            'access-control-max-age': '600',
          },
        }),
      );
    }
    try {
      return withCors(request, await route(request, pathname.slice(basePath.length)));
    } catch (error) {
      console.error('mfa-kit: the MFA handler failed', error);
      return withCors(request, json(500, { error: 'INTERNAL' }));
    }
  };
}
