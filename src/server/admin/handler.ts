import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { EXPORT_AUDIT_ID_HEADER, EXPORT_SHA256_HEADER } from '../../core/adminConstants.js';
import { MfaAdminError } from '../../core/adminErrors.js';
import { isClientAccessToken } from '../accessToken.js';
import { type CorsRules, preflight, withCors } from '../cors.js';
import { bearerToken, json, type MfaRequestContext } from '../http.js';
import { type PoolTokenOptions, verifyPoolJwt } from '../poolJwt.js';
import type { RecoveryCodeStore } from '../recovery/store.js';
import { cognitoAdminPool } from './cognitoAdminPool.js';
import { errorResponse, REQUEST_ID } from './handlerRequest.js';
import { adminRoutes } from './handlerRoutes.js';
import { nodeSha256 } from './nodeDigest.js';
import type { AdminPool } from './pool.js';
import {
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
  { method: 'GET', path: '/adoption-snapshots' },
  { method: 'POST', path: '/adoption-snapshots' },
] as const;

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
    sha256: nodeSha256,
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
    if (!isClientAccessToken(claims, options.clientId))
      throw new MfaAdminError('UNAUTHORIZED', 'The token is not an access token of this app client.');
    // Stryker disable next-line ArrayDeclaration: equivalent — the fallback only has to name no admin group; any such list refuses alike.
    const groups = Array.isArray(claims['cognito:groups']) ? claims['cognito:groups'] : [];
    if (!groups.some((group) => options.adminGroups.includes(group as string)))
      throw new MfaAdminError('FORBIDDEN', 'Only members of an admin group may call the admin API.');
    return claims.username;
  }

  const route = adminRoutes(service);

  const cors: CorsRules = {
    allowedOrigins: options.allowedOrigins,
    methods: 'GET, POST, PUT, DELETE',
    allowHeaders: 'authorization, content-type, x-request-id',
    exposeHeaders: `www-authenticate, x-request-id, content-disposition, ${EXPORT_SHA256_HEADER}, ${EXPORT_AUDIT_ID_HEADER}`,
  };

  return async (request) => {
    const given = request.headers.get('x-request-id');
    const requestId = given && REQUEST_ID.test(given) ? given : crypto.randomUUID();
    try {
      const { pathname } = new URL(request.url);
      if (!pathname.startsWith(`${basePath}/`)) return json(404, { error: 'NOT_FOUND' });
      if (request.method === 'OPTIONS') return preflight(request, cors);
      // Authorization first: an outsider learns nothing, not even which paths exist.
      const username = await admin(request);
      const response =
        (await route(request, pathname.slice(basePath.length), { username, requestId })) ??
        json(404, { error: 'NOT_FOUND' });
      response.headers.set('x-request-id', requestId);
      return withCors(request, response, cors);
    } catch (error) {
      if (error instanceof MfaAdminError) return withCors(request, errorResponse(error, requestId), cors);
      console.error('mfa-kit: the MFA admin handler failed', error);
      return withCors(request, json(500, { error: 'INTERNAL' }, { 'x-request-id': requestId }), cors);
    }
  };
}
