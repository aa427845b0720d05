import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { accessTokenClaims } from './accessToken.js';
import { type CorsRules, preflight, withCors } from './cors.js';
import {
  BodyError,
  bearerToken,
  defaultClientIp,
  json,
  type MfaRequestContext,
  readJsonObject,
} from './http.js';
import type { PoolTokenOptions } from './poolJwt.js';
import type { RecoveryAuditSink } from './recovery/audit.js';
import { cognitoIdentity } from './recovery/cognitoIdentity.js';
import type { RecoveryIdentity } from './recovery/identity.js';
import {
  createRecoveryService,
  isValidRedeemInput,
  type RateLimit,
  RecoveryResetError,
} from './recovery/service.js';
import type { RecoveryCodeStore } from './recovery/store.js';
import { stepUpRequired } from './stepUpRequired.js';
import { cognitoUserHasMfa, StepUpProofError, verifyStepUpProof } from './verifyStepUpProof.js';

export type { MfaRequestContext } from './http.js';

export interface MfaHandlerOptions extends PoolTokenOptions {
  userPoolId: string;
  /** The app client whose access tokens may call generate and status, and which redeem signs in with. */
  clientId: string;
  clientSecret?: string;
  /** SDK v3 client with admin rights on the pool. */
  cognito: CognitoIdentityProviderClient;
  store: RecoveryCodeStore;
  /**
   * Server secret mixed into every code hash: at least 32 random characters (low-entropy values such
   * as `aaaa…` are refused), from your secrets manager. Keep it out of the store.
   */
  pepper: string;
  /** Where the routes live. Default `/mfa`. */
  basePath?: string;
  audit?: RecoveryAuditSink;
  /**
   * Redeem attempts per user, counted once the password is proven. Default 5 per 15 minutes and 20
   * per 24 hours.
   */
  perUserLimit?: RateLimit | RateLimit[];
  /** Redeem attempts per client address. Default 20 per 15 minutes; unknown addresses share one bucket. */
  perIpLimit?: RateLimit;
  /**
   * How many proxies of yours sit in front of this handler and append to `X-Forwarded-For` (an ALB,
   * API Gateway, CloudFront, Vercel …: usually 1). Default 0: the header is ignored, and the address
   * is only what the server passed beside the Request (`nodeListener` does). Without either, every
   * request shares one per-IP bucket.
   */
  trustedProxies?: number;
  /** The caller's address for per-IP limits, when your platform has it elsewhere. Never trust a raw header. */
  clientIp?: (request: Request, context: MfaRequestContext | undefined) => string | undefined;
  /** Origins allowed to call from a browser (CORS). Default: same origin only. */
  allowedOrigins?: string[];
  /**
   * Replacing existing codes needs a fresh MFA verification (RFC 9470): without an `X-Step-Up-Proof`
   * ID token of the same user younger than `maxAgeSeconds` the answer is `stepUpRequired`, which
   * `stepUpFetch` turns into the step-up prompt. On by default (`maxAgeSeconds: 300`), so a stolen
   * access token alone cannot swap the user's codes for the thief's; `false` turns it off.
   * `requireMfa: true` also checks with `AdminGetUser` that the user has MFA (Cognito ID tokens carry
   * no `amr`, so a password-only sign-in would otherwise count).
   */
  regenerateStepUp?: { maxAgeSeconds: number; requireMfa?: boolean } | false;
  /**
   * Also ask Cognito (`GetUser` with the access token) on generate and status, so a token that was
   * revoked or signed out globally stops working at once instead of at its expiry. Costs one Cognito
   * request per call, counted against the pool's `GetUser` quota. Default false.
   */
  checkTokenRevocation?: boolean;
  /**
   * After a recovery, also end every session of the user (`AdminUserGlobalSignOut`: refresh tokens
   * revoked, access tokens refused by Cognito's APIs). Default false.
   */
  signOutAfterRecovery?: boolean;
  /** Replaces the Cognito calls, e.g. for another identity store. */
  identity?: RecoveryIdentity;
  now?: () => number;
}

/**
 * A Web-standard handler. `context` carries what the server knows beside the Request (the socket's
 * address from `nodeListener`); never put such facts in headers, which clients can set.
 */
export type MfaHandler = (request: Request, context?: MfaRequestContext) => Promise<Response>;

const REGENERATE_STEP_UP_DEFAULT: { maxAgeSeconds: number; requireMfa?: boolean } = { maxAgeSeconds: 300 };

/**
 * The recovery-code API as a Web-standard handler (Next.js route handlers, Lambda, Deno, Bun; Express
 * and Node `http` through `nodeListener`):
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
    signOutAfterRecovery: options.signOutAfterRecovery,
    now: options.now,
  });
  const clientIp =
    options.clientIp ??
    ((request: Request, context: MfaRequestContext | undefined) =>
      defaultClientIp(request, context, options.trustedProxies ?? 0));
  const cors: CorsRules = {
    allowedOrigins: options.allowedOrigins,
    methods: 'GET, POST',
    allowHeaders: 'authorization, content-type, x-step-up-proof',
    // stepUpFetch reads the RFC 9470 challenge and Retry-After from script.
    exposeHeaders: 'www-authenticate, retry-after',
  };
  const regenerateStepUp =
    // Stryker disable next-line ConditionalExpression,BooleanLiteral: equivalent — `false ?? default` is false as well, and stepUpRefusal reads a falsy rule as off.
    options.regenerateStepUp === false ? undefined : (options.regenerateStepUp ?? REGENERATE_STEP_UP_DEFAULT);

  /** Still valid at Cognito (not revoked, not signed out): `GetUser` with the token itself. */
  async function acceptedByCognito(token: string): Promise<boolean> {
    const { GetUserCommand } = await import('@aws-sdk/client-cognito-identity-provider');
    try {
      await options.cognito.send(new GetUserCommand({ AccessToken: token }));
      return true;
    } catch (error) {
      if (error instanceof Error && error.name === 'NotAuthorizedException') return false;
      throw error;
    }
  }

  async function signedInUsername(request: Request): Promise<string | undefined> {
    const token = bearerToken(request);
    const username = token ? (await accessTokenClaims(token, options))?.username : undefined;
    if (username && options.checkTokenRevocation && !(await acceptedByCognito(token as string)))
      return undefined;
    return username;
  }

  /** When existing codes would be replaced: a fresh step-up of this same user, or the RFC 9470 answer. */
  async function stepUpRefusal(request: Request, username: string): Promise<Response | undefined> {
    const rule = regenerateStepUp;
    if (!rule || (await service.status(username)).total === 0) return undefined;
    const proof = request.headers.get('x-step-up-proof');
    if (!proof) return stepUpRequired(rule.maxAgeSeconds);
    try {
      const identity = await verifyStepUpProof(proof, {
        ...options,
        maxAgeSeconds: rule.maxAgeSeconds,
        requireMfa: rule.requireMfa ? cognitoUserHasMfa(options) : undefined,
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

  async function redeem(request: Request, context: MfaRequestContext | undefined): Promise<Response> {
    let body: Record<string, unknown>;
    try {
      body = await readJsonObject(request);
    } catch (error) {
      // Stryker disable next-line ConditionalExpression: equivalent — readJsonObject throws nothing but BodyError (read failures are mapped to 400).
      if (!(error instanceof BodyError)) throw error;
      const code = { 400: 'INVALID_REQUEST', 413: 'PAYLOAD_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE' };
      return json(error.status, { error: code[error.status], message: error.message });
    }
    const { username, password, code } = body;
    if (!isValidRedeemInput({ username, password, code }))
      return json(400, {
        error: 'INVALID_REQUEST',
        message: 'Send { username, password, code } as JSON: a username of 1–128 characters, a password.',
      });
    const ip = clientIp(request, context);
    const userAgent = request.headers.get('user-agent');
    try {
      const result = await service.redeem({
        username: username as string,
        password: password as string,
        code: code as string,
        ip,
        context: {
          serverName: (request.headers.get('host') ?? new URL(request.url).host).slice(0, 256),
          serverPath: new URL(request.url).pathname.slice(0, 256),
          headers: userAgent ? { 'user-agent': userAgent.slice(0, 512) } : {},
        },
      });
      if (result.ok) return json(200, result);
      if (result.reason === 'RATE_LIMITED')
        return json(429, result, { 'retry-after': String(result.retryAfterSeconds ?? 60) });
      // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent — the service answers a wrong password CODE_INVALID (no password oracle); NOT_AUTHORIZED is in the port's type but never returned here.
      return json(result.reason === 'NOT_AUTHORIZED' ? 401 : 400, result);
    } catch (error) {
      if (error instanceof RecoveryResetError) return json(503, { error: 'MFA_RESET_FAILED' });
      throw error;
    }
  }

  async function route(request: Request, path: string, context: MfaRequestContext | undefined) {
    if (path === '/recovery-codes' && (request.method === 'GET' || request.method === 'POST')) {
      const username = await signedInUsername(request);
      if (!username) return unauthorized();
      if (request.method === 'GET') return json(200, await service.status(username));
      const refusal = await stepUpRefusal(request, username);
      return refusal ?? json(201, await service.generate(username));
    }
    if (path === '/recovery-codes/redeem' && request.method === 'POST') return redeem(request, context);
    const known = path === '/recovery-codes' || path === '/recovery-codes/redeem';
    return known ? json(405, { error: 'METHOD_NOT_ALLOWED' }) : json(404, { error: 'NOT_FOUND' });
  }

  return async (request, context) => {
    try {
      const { pathname } = new URL(request.url);
      if (!pathname.startsWith(`${basePath}/`)) return json(404, { error: 'NOT_FOUND' });
      if (request.method === 'OPTIONS') return preflight(request, cors);
      return withCors(request, await route(request, pathname.slice(basePath.length), context), cors);
    } catch (error) {
      console.error('mfa-kit: the MFA handler failed', error);
      return withCors(request, json(500, { error: 'INTERNAL' }), cors);
    }
  };
}
