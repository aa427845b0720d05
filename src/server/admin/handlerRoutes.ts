import {
  ADMIN_AUDIT_EVENT_TYPES,
  ADMIN_COMPLIANCE_STATUSES,
  EXPORT_AUDIT_ID_HEADER,
  EXPORT_SHA256_HEADER,
} from '../../core/adminConstants.js';
import { MfaAdminError } from '../../core/adminErrors.js';
import type { MfaMethod, SetMfaPolicyInput } from '../../ports.js';
import { json } from '../http.js';
import { body, isoParam, METHOD_FILTERS, oneOf } from './handlerRequest.js';
import type { AdminActor, MfaAdminService } from './service.js';

/**
 * The admin routes over the service: each path and method, its query or body read and checked, the
 * answer as JSON (the compliance export as a file). `undefined` for a path that is not a route.
 */
export function adminRoutes(
  service: MfaAdminService,
): (request: Request, path: string, actor: AdminActor) => Promise<Response | undefined> {
  return async function route(
    request: Request,
    path: string,
    actor: AdminActor,
  ): Promise<Response | undefined> {
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
            compliance: oneOf(query.get('compliance'), ADMIN_COMPLIANCE_STATUSES, 'compliance'),
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
          type: oneOf(query.get('type'), ADMIN_AUDIT_EVENT_TYPES, 'type'),
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
    if (path === '/adoption-snapshots') {
      if (method === 'POST') return json(201, await service.recordAdoptionSnapshot());
      if (method !== 'GET') return json(405, { error: 'METHOD_NOT_ALLOWED' });
      const limit = query.get('limit');
      return json(200, {
        snapshots: await service.listAdoptionSnapshots(limit === null ? {} : { limit: Number(limit) }),
      });
    }
    if (path === '/compliance-export') {
      if (method !== 'GET') return json(405, { error: 'METHOD_NOT_ALLOWED' });
      const format = oneOf(query.get('format') ?? 'csv', ['csv', 'json'] as const, 'format') ?? 'csv';
      const report = await service.exportCompliance(actor, {
        format,
        from: query.get('from') ?? undefined,
        to: query.get('to') ?? undefined,
      });
      return new Response(report.body, {
        status: 200,
        headers: {
          'content-type': report.contentType,
          'content-disposition': `attachment; filename="${report.filename}"`,
          'cache-control': 'no-store',
          [EXPORT_SHA256_HEADER]: report.sha256,
          [EXPORT_AUDIT_ID_HEADER]: report.auditId,
        },
      });
    }
    return undefined;
  };
}
