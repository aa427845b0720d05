import { EXPORT_AUDIT_ID_HEADER, EXPORT_SHA256_HEADER } from '../core/adminConstants.js';
import { isMfaAdminErrorCode, MfaAdminError } from '../core/adminErrors.js';
import type { MfaPolicy } from '../core/mfaPolicy.js';
import type {
  AdminAdapter,
  AdminAuditEvent,
  AdminBypassResult,
  AdminPage,
  AdminUserRow,
  AdoptionSnapshot,
  PoolMfaConfig,
  SetPoolMfaConfigResult,
} from '../ports.js';

export interface HttpAdminAdapterOptions {
  /** Where `createMfaAdminHandler` is mounted, e.g. `https://api.example.com/mfa/admin`. */
  baseUrl: string;
  /** The signed-in admin's Cognito access token. */
  getAccessToken: () => Promise<string> | string;
  fetch?: typeof fetch;
}

const byStatus: Record<number, MfaAdminError['code']> = {
  400: 'INVALID_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'USER_NOT_FOUND',
  502: 'POOL_ERROR',
};

async function errorFor(response: Response): Promise<MfaAdminError> {
  const body = (await response.json().catch(() => ({}))) as {
    error?: unknown;
    message?: unknown;
    alternative?: unknown;
  };
  const code = isMfaAdminErrorCode(body.error) ? body.error : (byStatus[response.status] ?? 'UNKNOWN');
  const message =
    typeof body.message === 'string' ? body.message : `The admin API answered ${response.status}.`;
  return new MfaAdminError(code, message, {
    ...(typeof body.alternative === 'string' ? { alternative: body.alternative } : {}),
  });
}

const filenameOf = (disposition: string | null, fallback: string) =>
  /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? fallback;

/** The admin console's adapter over the host's backend running `createMfaAdminHandler` from `mfa-kit/server`. */
export function httpAdminAdapter({
  baseUrl,
  getAccessToken,
  fetch: fetchImpl = globalThis.fetch.bind(globalThis),
}: HttpAdminAdapterOptions): AdminAdapter {
  const root = baseUrl.replace(/\/$/, '');

  async function send(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { Authorization: `Bearer ${await getAccessToken()}` };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetchImpl(`${root}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new MfaAdminError('NETWORK', 'The admin API could not be reached.', { cause: error });
    }
    if (!response.ok) throw await errorFor(response);
    return response;
  }
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> =>
    (await (await send(method, path, body)).json()) as T;

  const query = (values: Record<string, string | number | undefined>) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(values))
      if (value !== undefined && value !== '') params.set(key, String(value));
    const text = params.toString();
    return text ? `?${text}` : '';
  };
  const user = (username: string) => `/users/${encodeURIComponent(username)}`;

  return {
    getPoolMfaConfig: () => call<PoolMfaConfig>('GET', '/pool-mfa'),
    setPoolMfaConfig: (input) => call<SetPoolMfaConfigResult>('PUT', '/pool-mfa', input),
    listUsers: (input = {}) =>
      call<AdminPage<AdminUserRow>>(
        'GET',
        `/users${query({
          cursor: input.cursor,
          limit: input.limit,
          search: input.search,
          compliance: input.filter?.compliance,
          role: input.filter?.role,
          method: input.filter?.method,
        })}`,
      ),
    resetUserMfa: ({ username, justification }) =>
      call<AdminUserRow>('POST', `${user(username)}/mfa-reset`, { justification }),
    bypassUserMfa: ({ username, justification, hours }) =>
      call<AdminBypassResult>('POST', `${user(username)}/mfa-bypass`, {
        justification,
        ...(hours === undefined ? {} : { hours }),
      }),
    endBypass: ({ username }) => call<AdminUserRow>('DELETE', `${user(username)}/mfa-bypass`),
    getAuditLog: (input = {}) =>
      call<AdminPage<AdminAuditEvent>>(
        'GET',
        `/audit-log${query({
          cursor: input.cursor,
          type: input.type,
          target: input.target,
          from: input.from,
          to: input.to,
          limit: input.limit,
        })}`,
      ),
    getPolicy: async () => (await call<{ policy: MfaPolicy | null }>('GET', '/policy')).policy,
    setPolicy: (input) => call<MfaPolicy>('PUT', '/policy', input),
    listAdoptionSnapshots: async (input = {}) =>
      (
        await call<{ snapshots: AdoptionSnapshot[] }>(
          'GET',
          `/adoption-snapshots${query({ limit: input.limit })}`,
        )
      ).snapshots,
    recordAdoptionSnapshot: () => call<AdoptionSnapshot>('POST', '/adoption-snapshots'),
    async exportCompliance({ format, from, to }) {
      const response = await send('GET', `/compliance-export${query({ format, from, to })}`);
      return {
        contentType: response.headers.get('content-type') ?? '',
        filename: filenameOf(response.headers.get('content-disposition'), `mfa-compliance.${format}`),
        body: await response.text(),
        sha256: response.headers.get(EXPORT_SHA256_HEADER) ?? '',
        auditId: response.headers.get(EXPORT_AUDIT_ID_HEADER) ?? '',
      };
    },
  };
}
