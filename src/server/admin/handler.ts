import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { MfaAdminError, type MfaAdminErrorCode } from '../../core/adminErrors.js';
import type {
  AdminAuditEventType,
  AdminComplianceStatus,
  MfaMethod,
  SetMfaPolicyInput,
} from '../../ports.js';
import { BodyError, bearerToken, json, type MfaRequestContext, readJsonObject } from '../http.js';
import { type PoolTokenOptions, verifyPoolJwt } from '../poolJwt.js';
import type { RecoveryCodeStore } from '../recovery/store.js';
import { cognitoAdminPool } from './cognitoAdminPool.js';
import type { AdminPool } from './pool.js';
import {
  type AdminActor,
  type AdminAuditSink,
  createMfaAdminService,
  type GraceSubject,
  type MfaAdminService,
} from './service.js';
import type { AdminStore } from './store.js';

export interface MfaAdminHandlerOptions extends PoolTokenOptions {
  userPoolId: string;
  /** The app client whose access tokens may call the admin routes. */
  clientId: string;
  /**
   * Cognito groups (the token's `cognito:groups`) whose members are admins. Required: there is no
   * default, so nobody becomes an admin by a group name you did not choose.
   */
  adminGroups: string[];
  /** SDK v3 client with admin rights on the pool (see `cognitoAdminPool`). Not needed with `pool`. */
  cognito?: CognitoIdentityProviderClient;
  /** Replaces the Cognito calls. */
  pool?: AdminPool;
  store: AdminStore;
  /** The recovery-code store of `createMfaHandler`, so a reset invalidates the user's codes. */
  recoveryStore?: RecoveryCodeStore;
  audit?: AdminAuditSink;
  /** Until when a user without MFA is in their grace period (ISO 8601), e.g. from the enforcement policy. */
  graceUntil?: (user: GraceSubject) => string | undefined;
  /** List from the MFA-status index (see `createMfaAdminService`). Default false. */
  statusIndex?: boolean;
  /** Where the routes live. Default `/mfa/admin`. */
  basePath?: string;
  /** Origins allowed to call from a browser (CORS). Default: same origin only. */
  allowedOrigins?: string[];
  now?: () => number;
}

export type MfaAdminHandler = (request: Request, context?: MfaRequestContext) => Promise<Response>;

const STATUS: Record<MfaAdminErrorCode, number> = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  SELF_ACTION_FORBIDDEN: 403,
  INVALID_REQUEST: 400,
  JUSTIFICATION_REQUIRED: 400,
  USER_NOT_FOUND: 404,
  ALREADY_BYPASSED: 409,
  NOT_BYPASSED: 409,
  NO_MFA_TO_BYPASS: 409,
  BYPASS_UNAVAILABLE_POOL_MFA_ON: 409,
  RESET_UNAVAILABLE_POOL_MFA_ON: 409,
  POOL_ERROR: 502,
  NETWORK: 502,
  UNKNOWN: 500,
};

const REQUEST_ID = /^[\w.:-]{1,128}$/;
const COMPLIANCE: readonly AdminComplianceStatus[] = ['compliant', 'in_grace', 'non_compliant', 'bypassed'];
const METHOD_FILTERS: readonly string[] = ['TOTP', 'SMS', 'EMAIL', 'NONE'];
const EVENT_TYPES: readonly AdminAuditEventType[] = [
  'mfa_reset',
  'mfa_bypass',
  'mfa_bypass_ended',
  'mfa_bypass_expired',
  'pool_mfa_changed',
  'policy_changed',
  'mfa_recovery_used',
];

/** The admin routes, for documentation and the authorization tests. */
export const MFA_ADMIN_ROUTES = [
  { method: 'GET', path: '/pool-mfa' },
  { method: 'PUT', path: '/pool-mfa' },
  { method: 'GET', path: '/users' },
  { method: 'GET', path: '/users/{username}' },
  { method: 'POST', path: '/users/{username}/mfa-reset' },
  { method: 'POST', path: '/users/{username}/mfa-bypass' },
  { method: 'DELETE', path: '/users/{username}/mfa-bypass' },
  { method: 'GET', path: '/audit-log' },
  { method: 'GET', path: '/compliance-export' },
  { method: 'GET', path: '/policy' },
  { method: 'PUT', path: '/policy' },
] as const;

function errorResponse(error: MfaAdminError, requestId: string): Response {
  const headers: Record<string, string> = { 'x-request-id': requestId };
  if (error.code === 'UNAUTHORIZED') headers['www-authenticate'] = 'Bearer error="invalid_token"';
  return json(
    STATUS[error.code],
    {
      error: error.code,
      message: error.message,
      ...(error.alternative ? { alternative: error.alternative } : {}),
    },
    headers,
  );
}

const isoParam = (value: string | null, name: string): string | undefined => {
  if (value === null || value === '') return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new MfaAdminError('INVALID_REQUEST', `${name} must be an ISO 8601 time.`);
  return new Date(time).toISOString();
};

function oneOf<T extends string>(value: string | null, allowed: readonly T[], name: string): T | undefined {
  if (value === null || value === '') return undefined;
  if (!(allowed as readonly string[]).includes(value))
    throw new MfaAdminError('INVALID_REQUEST', `${name} must be one of ${allowed.join(', ')}.`);
  return value as T;
}

async function body(request: Request): Promise<Record<string, unknown>> {
  try {
    return await readJsonObject(request);
  } catch (error) {
    if (error instanceof BodyError) throw new MfaAdminError('INVALID_REQUEST', error.message);
    throw error;
  }
}

/**
 * The admin API as a Web-standard handler, beside `createMfaHandler`'s recovery routes (see
 * `MFA_ADMIN_ROUTES`). Every route needs a Cognito access token of `clientId`, verified with
 * aws-jwt-verify, whose `cognito:groups` include one of `adminGroups`: 401 without a valid token,
 * 403 for anyone else. Answers carry `x-request-id` (the caller's, when well-formed), which the audit
 * events record.
 */
export function createMfaAdminHandler(options: MfaAdminHandlerOptions): MfaAdminHandler {
  if (!Array.isArray(options.adminGroups) || options.adminGroups.length === 0)
    throw new Error('createMfaAdminHandler needs adminGroups: the Cognito groups whose members are admins.');
  const basePath = (options.basePath ?? '/mfa/admin').replace(/\/$/, '');
  const pool =
    options.pool ??
    (options.cognito
      ? cognitoAdminPool({ cognito: options.cognito, userPoolId: options.userPoolId })
      : undefined);
  if (!pool) throw new Error('createMfaAdminHandler needs cognito (or pool).');
  const service: MfaAdminService = createMfaAdminService({
    pool,
    store: options.store,
    recoveryStore: options.recoveryStore,
    audit: options.audit,
    graceUntil: options.graceUntil,
    statusIndex: options.statusIndex,
    now: options.now,
  });

  async function admin(request: Request): Promise<string> {
    const token = bearerToken(request);
    if (!token) throw new MfaAdminError('UNAUTHORIZED', 'A Cognito access token is required.');
    let claims: Record<string, unknown>;
    try {
      claims = await verifyPoolJwt(token, { ...options, audience: null });
    } catch {
      throw new MfaAdminError('UNAUTHORIZED', 'The access token is not valid (signature, issuer or expiry).');
    }
    if (
      claims.token_use !== 'access' ||
      claims.client_id !== options.clientId ||
      typeof claims.username !== 'string'
    )
      throw new MfaAdminError('UNAUTHORIZED', 'The token is not an access token of this app client.');
    // Stryker disable next-line ArrayDeclaration: equivalent — the fallback only has to name no admin group; any such list refuses alike.
    const groups = Array.isArray(claims['cognito:groups']) ? claims['cognito:groups'] : [];
    if (!groups.some((group) => options.adminGroups.includes(group as string)))
      throw new MfaAdminError('FORBIDDEN', 'Only members of an admin group may call the admin API.');
    return claims.username;
  }

  async function route(request: Request, path: string, actor: AdminActor): Promise<Response | undefined> {
    const url = new URL(request.url);
    const query = url.searchParams;
    const method = request.method;
    if (path === '/pool-mfa') {
      if (method === 'GET') return json(200, await service.getPoolMfaConfig());
      if (method === 'PUT') {
        const input = await body(request);
        return json(
          200,
          await service.setPoolMfaConfig(actor, {
            mode: input.mode as 'OFF',
            methods: input.methods as MfaMethod[],
            dryRun: input.dryRun === true,
            ...(input.justification === undefined ? {} : { justification: input.justification as string }),
          }),
        );
      }
      return json(405, { error: 'METHOD_NOT_ALLOWED' });
    }
    if (path === '/users') {
      if (method !== 'GET') return json(405, { error: 'METHOD_NOT_ALLOWED' });
      const limit = query.get('limit');
      return json(
        200,
        await service.listUsers({
          cursor: query.get('cursor') ?? undefined,
          limit: limit === null ? undefined : Number(limit),
          search: query.get('search') ?? undefined,
          filter: {
            compliance: oneOf(query.get('compliance'), COMPLIANCE, 'compliance'),
            role: query.get('role') || undefined,
            method: oneOf(query.get('method'), METHOD_FILTERS, 'method') as MfaMethod | 'NONE' | undefined,
          },
        }),
      );
    }
    const user = /^\/users\/([^/]+)(\/mfa-reset|\/mfa-bypass)?$/.exec(path);
    if (user) {
      let username: string;
      try {
        // Stryker disable next-line StringLiteral: equivalent — the pattern's group ([^/]+) always matches, so the fallback is never used.
        username = decodeURIComponent(user[1] ?? '');
      } catch {
        throw new MfaAdminError('INVALID_REQUEST', 'The username is not valid percent-encoding.');
      }
      const action = user[2];
      if (!action) {
        if (method !== 'GET') return json(405, { error: 'METHOD_NOT_ALLOWED' });
        return json(200, await service.getUser(username));
      }
      if (action === '/mfa-reset') {
        if (method !== 'POST') return json(405, { error: 'METHOD_NOT_ALLOWED' });
        const input = await body(request);
        return json(
          200,
          await service.resetUserMfa(actor, { username, justification: input.justification as string }),
        );
      }
      if (method === 'POST') {
        const input = await body(request);
        return json(
          201,
          await service.bypassUserMfa(actor, {
            username,
            justification: input.justification as string,
            ...(input.hours === undefined ? {} : { hours: input.hours as number }),
          }),
        );
      }
      if (method === 'DELETE') return json(200, await service.endBypass(actor, { username }));
      return json(405, { error: 'METHOD_NOT_ALLOWED' });
    }
    if (path === '/audit-log') {
      if (method !== 'GET') return json(405, { error: 'METHOD_NOT_ALLOWED' });
      const limit = query.get('limit');
      return json(
        200,
        await service.getAuditLog({
          cursor: query.get('cursor') ?? undefined,
          type: oneOf(query.get('type'), EVENT_TYPES, 'type'),
          target: query.get('target') || undefined,
          from: isoParam(query.get('from'), 'from'),
          to: isoParam(query.get('to'), 'to'),
          ...(limit === null ? {} : { limit: Number(limit) || 50 }),
        }),
      );
    }
    if (path === '/policy') {
      if (method === 'GET') return json(200, { policy: await service.getPolicy() });
      if (method === 'PUT') {
        const input = await body(request);
        return json(
          200,
          await service.setPolicy(actor, {
            policy: input.policy as SetMfaPolicyInput['policy'],
            justification: input.justification as string,
          }),
        );
      }
      return json(405, { error: 'METHOD_NOT_ALLOWED' });
    }
    if (path === '/compliance-export') {
      if (method !== 'GET') return json(405, { error: 'METHOD_NOT_ALLOWED' });
      const format = oneOf(query.get('format') ?? 'csv', ['csv', 'json'] as const, 'format') ?? 'csv';
      const report = await service.exportCompliance({ format });
      return new Response(report.body, {
        status: 200,
        headers: {
          'content-type': report.contentType,
          'content-disposition': `attachment; filename="${report.filename}"`,
          'cache-control': 'no-store',
        },
      });
    }
    return undefined;
  }

  function withCors(request: Request, response: Response): Response {
    const origin = request.headers.get('origin');
    if (!origin || !options.allowedOrigins?.includes(origin)) return response;
    response.headers.set('access-control-allow-origin', origin);
    response.headers.set(
      'access-control-expose-headers',
      'www-authenticate, x-request-id, content-disposition',
    );
    response.headers.set('vary', 'Origin');
    return response;
  }

  return async (request) => {
    const given = request.headers.get('x-request-id');
    const requestId = given && REQUEST_ID.test(given) ? given : crypto.randomUUID();
    try {
      const { pathname } = new URL(request.url);
      if (!pathname.startsWith(`${basePath}/`)) return json(404, { error: 'NOT_FOUND' });
      if (request.method === 'OPTIONS') {
        return withCors(
          request,
          new Response(null, {
            status: 204,
            headers: {
              'access-control-allow-methods': 'GET, POST, PUT, DELETE',
              'access-control-allow-headers': 'authorization, content-type, x-request-id',
              'access-control-max-age': '600',
            },
          }),
        );
      }
      // Authorization first: an outsider learns nothing, not even which paths exist.
      const username = await admin(request);
      const response =
        (await route(request, pathname.slice(basePath.length), { username, requestId })) ??
        json(404, { error: 'NOT_FOUND' });
      response.headers.set('x-request-id', requestId);
      return withCors(request, response);
    } catch (error) {
      if (error instanceof MfaAdminError) return withCors(request, errorResponse(error, requestId));
      console.error('mfa-kit: the MFA admin handler failed', error);
      return withCors(request, json(500, { error: 'INTERNAL' }, { 'x-request-id': requestId }));
    }
  };
}
