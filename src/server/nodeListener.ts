import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MfaHandler } from './createMfaHandler.js';
import { addressBehindProxies, MAX_BODY_BYTES } from './http.js';

export interface NodeListenerOptions {
  /**
   * How many reverse proxies you run in front of this server (load balancer, nginx …). Default 0:
   * the client address is the TCP socket's. With `n`, it is the entry `n` hops back in
   * `X-Forwarded-For` (each of your proxies appends the address it saw), so a client cannot pick
   * it by sending its own header. Set it behind a proxy, or every client shares the proxy's
   * address and one abuser exhausts the per-IP limit for all.
   */
  trustedProxies?: number;
}

const ALLOWED_METHODS = new Set(['GET', 'POST', 'OPTIONS']);

/** The client address: the socket, or the entry written by the outermost trusted proxy. */
function clientAddress(request: IncomingMessage, trustedProxies: number): string | undefined {
  const header = request.headers['x-forwarded-for'];
  const forwarded = Array.isArray(header) ? header.join(',') : header;
  return addressBehindProxies(request.socket.remoteAddress, forwarded, trustedProxies);
}

/** Fixed origin: the Host header is the client's to choose and is never parsed. */
function requestUrl(raw: string | undefined): URL | undefined {
  const target = raw ?? '/';
  try {
    if (target.startsWith('/')) return new URL(`http://localhost${target}`);
    // Absolute form ("GET http://host/path", as sent to proxies): keep only the path and query.
    const absolute = new URL(target);
    return new URL(`http://localhost${absolute.pathname}${absolute.search}`);
  } catch {
    return undefined;
  }
}

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (response.headersSent || response.destroyed) return;
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
  response.end(JSON.stringify(body));
}

type BodyOutcome = { body: Buffer } | { tooLarge: true } | { aborted: true };

/** At most `MAX_BODY_BYTES`, never buffering more; an aborted or failed upload resolves to `aborted`. */
function readBody(request: IncomingMessage): Promise<BodyOutcome> {
  return new Promise((resolve) => {
    // Already read by middleware in front (Express body parsers): nothing left to wait for.
    if (request.readableEnded) {
      resolve({ body: Buffer.alloc(0) });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (outcome: BodyOutcome) => {
      if (settled) return;
      settled = true;
      request.off('data', onData);
      resolve(outcome);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) finish({ tooLarge: true });
      else chunks.push(chunk);
    };
    request.on('data', onData);
    request.on('end', () => finish({ body: Buffer.concat(chunks) }));
    request.on('aborted', () => finish({ aborted: true }));
    request.on('close', () => finish(request.complete ? { body: Buffer.concat(chunks) } : { aborted: true }));
    request.on('error', () => finish({ aborted: true }));
  });
}

/**
 * Serves a Web-standard handler from Node's `http` server or Express (`app.use(nodeListener(h))`).
 * Every request gets an answer and none can stop the process: 405 for methods other than GET, POST
 * and OPTIONS, 400 for a request that cannot be understood, 413 past 16 KiB of body; an upload the
 * client aborts is dropped. The URL is built on a fixed origin (`http://localhost`), never from
 * `Host`. The client address (the socket's, or per `trustedProxies`) is passed to the handler beside
 * the Request, so no client can forge it.
 */
export function nodeListener(handler: MfaHandler, options: NodeListenerOptions = {}) {
  const trustedProxies = options.trustedProxies ?? 0;

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // An 'error' without a listener would be thrown by the emitter.
    request.on('error', () => {});
    response.on('error', () => {});
    const method = request.method ?? '';
    if (!ALLOWED_METHODS.has(method)) {
      sendJson(response, 405, { error: 'METHOD_NOT_ALLOWED' }, { allow: 'GET, POST, OPTIONS' });
      return;
    }
    const url = requestUrl(request.url);
    if (!url) {
      sendJson(response, 400, { error: 'BAD_REQUEST' });
      return;
    }
    const declared = Number(request.headers['content-length'] ?? 0);
    const outcome: BodyOutcome = declared > MAX_BODY_BYTES ? { tooLarge: true } : await readBody(request);
    if ('aborted' in outcome) {
      response.destroy();
      return;
    }
    if ('tooLarge' in outcome) {
      sendJson(response, 413, { error: 'PAYLOAD_TOO_LARGE' }, { connection: 'close' });
      // Stop reading the rest: close once the answer is out.
      response.once('finish', () => request.destroy());
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string') headers.set(name, value);
      else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    }
    const webRequest = new Request(url, {
      method,
      headers,
      body: method === 'POST' && outcome.body.length > 0 ? new Uint8Array(outcome.body) : undefined,
    });
    const webResponse = await handler(webRequest, { clientIp: clientAddress(request, trustedProxies) });
    const body = Buffer.from(await webResponse.arrayBuffer());
    if (response.headersSent || response.destroyed) return;
    response.writeHead(webResponse.status, Object.fromEntries(webResponse.headers));
    response.end(body);
  }

  return (request: IncomingMessage, response: ServerResponse): Promise<void> =>
    serve(request, response).catch((error: unknown) => {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      const malformed = error instanceof TypeError;
      if (!malformed) console.error('mfa-kit: nodeListener failed', error);
      try {
        sendJson(response, malformed ? 400 : 500, { error: malformed ? 'BAD_REQUEST' : 'INTERNAL' });
      } catch {
        response.destroy();
      }
    });
}
