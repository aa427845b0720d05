/** Small Web-standard response helpers shared by the server handlers. */

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

export function bearerToken(request: Request): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '');
  return match?.[1];
}

export async function readJsonObject(request: Request): Promise<Record<string, unknown> | undefined> {
  try {
    const body: unknown = await request.json();
    return typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Set by `nodeListener` from the TCP socket; any value a client sends under this name is replaced. */
export const SOCKET_IP_HEADER = 'x-mfa-kit-socket-ip';

/**
 * The caller's address for rate limits: the socket address when served by `nodeListener`, else the
 * last X-Forwarded-For entry (the one your own proxy appended; earlier entries are client-supplied
 * and spoofable), else X-Real-IP. Pass `clientIp` to createMfaHandler when your platform says otherwise.
 */
export function defaultClientIp(request: Request): string | undefined {
  const socket = request.headers.get(SOCKET_IP_HEADER);
  if (socket) return socket;
  const forwarded = request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
  return forwarded || request.headers.get('x-real-ip') || undefined;
}
