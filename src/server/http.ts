/** Small Web-standard request/response helpers shared by the server handlers. */

/** The largest body any route accepts. The API's bodies are a few hundred bytes. */
export const MAX_BODY_BYTES = 16 * 1024;

/**
 * What the server knows about a request beyond the `Request` itself. Passed beside the Request (never in
 * a header, which a client could set): `nodeListener` fills it from the TCP socket.
 */
export interface MfaRequestContext {
  /** The caller's address, as the server (or a trusted proxy) saw it. */
  clientIp?: string;
}

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

/** Why a JSON body was refused, as the HTTP answer to give. */
export class BodyError extends Error {
  override readonly name = 'BodyError';
  readonly status: 400 | 413 | 415;
  constructor(status: 400 | 413 | 415, message: string) {
    super(message);
    this.status = status;
  }
}

/**
 * Reads a JSON object body through a reader that stops after `maxBytes`, whatever `Content-Length`
 * says (or does not say): 415 unless `Content-Type` is `application/json` (which also forces a CORS
 * preflight, so another site cannot send it from its visitors' browsers), 413 when too large, 400
 * for a malformed `Content-Length` or anything but a JSON object.
 */
export async function readJsonObject(
  request: Request,
  maxBytes = MAX_BODY_BYTES,
): Promise<Record<string, unknown>> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type.trim()))
    throw new BodyError(415, 'Send the body as Content-Type: application/json.');
  const declared = request.headers.get('content-length');
  if (declared !== null) {
    if (!/^\d{1,15}$/.test(declared.trim())) throw new BodyError(400, 'Malformed Content-Length.');
    if (Number(declared) > maxBytes) throw new BodyError(413, 'The body is too large.');
  }
  const bytes = new Uint8Array(maxBytes);
  let size = 0;
  const reader = request.body?.getReader();
  if (reader) {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (size + value.byteLength > maxBytes) {
          void reader.cancel().catch(() => {});
          throw new BodyError(413, 'The body is too large.');
        }
        bytes.set(value, size);
        size += value.byteLength;
      }
    } catch (error) {
      if (error instanceof BodyError) throw error;
      throw new BodyError(400, 'The body could not be read.');
    }
  }
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, size)));
  } catch {
    throw new BodyError(400, 'The body is not JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new BodyError(400, 'The body must be a JSON object.');
  return body as Record<string, unknown>;
}

/**
 * The address `trustedProxies` hops in from the end of `X-Forwarded-For` (each trusted proxy appends
 * the address it received the request from, so only the last `trustedProxies` entries can be
 * believed). `undefined` when there is no such header or `trustedProxies` is 0.
 */
export function forwardedFor(headers: Headers, trustedProxies: number): string | undefined {
  if (!(trustedProxies >= 1)) return undefined;
  const entries = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return undefined;
  // Fewer entries than proxies: the front proxy did not append; the leftmost is the best we have.
  return entries[Math.max(0, entries.length - Math.floor(trustedProxies))]?.slice(0, 64);
}

/**
 * The client's address, given the address the connection came from (`nearest`: a socket's, or API
 * Gateway's `sourceIp`) and the `X-Forwarded-For` header. With `trustedProxies` 0 it is `nearest`;
 * with n, the address n hops back (the nearest is the last trusted proxy, and each trusted proxy
 * appended what it saw), never further than the header goes. Capped at 64 characters.
 */
export function addressBehindProxies(
  nearest: string | undefined,
  forwardedHeader: string | null | undefined,
  trustedProxies: number,
): string | undefined {
  if (!(trustedProxies >= 1)) return nearest?.slice(0, 64);
  const forwarded = (forwardedHeader ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Nearest first: our own proxy, then what each proxy appended, back towards the client.
  const chain = [nearest, ...forwarded.reverse()].filter((entry): entry is string => Boolean(entry));
  return chain[Math.min(Math.floor(trustedProxies), chain.length - 1)]?.slice(0, 64);
}

/**
 * The caller's address for rate limits: what the server passed beside the Request (`nodeListener`
 * passes the socket's, or what its trusted proxies say), else — only when the host declared
 * `trustedProxies` — the matching `X-Forwarded-For` entry. Never a header a client can set on its own.
 */
export function defaultClientIp(
  request: Request,
  context: MfaRequestContext | undefined,
  trustedProxies = 0,
): string | undefined {
  return context?.clientIp || forwardedFor(request.headers, trustedProxies);
}
