import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MfaHandler } from './createMfaHandler.js';
import { SOCKET_IP_HEADER } from './http.js';

const MAX_BODY_BYTES = 16 * 1024;

/**
 * Serves a Web-standard handler from Node's `http` server or Express (`app.use(nodeListener(h))`).
 * The socket address is passed on for per-IP rate limits; a client cannot forge it.
 */
export function nodeListener(handler: MfaHandler) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of request) {
      size += (chunk as Buffer).length;
      // The API's bodies are a few hundred bytes; refuse anything large instead of buffering it.
      if (size > MAX_BODY_BYTES) {
        response.writeHead(413, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: 'PAYLOAD_TOO_LARGE' }));
        request.destroy();
        return;
      }
      chunks.push(chunk as Buffer);
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string') headers.set(name, value);
      else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    }
    headers.delete(SOCKET_IP_HEADER);
    if (request.socket.remoteAddress) headers.set(SOCKET_IP_HEADER, request.socket.remoteAddress);
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && chunks.length > 0;
    const webResponse = await handler(
      new Request(`http://${request.headers.host ?? 'localhost'}${request.url ?? '/'}`, {
        method: request.method,
        headers,
        body: hasBody ? Buffer.concat(chunks) : undefined,
      }),
    );
    response.writeHead(webResponse.status, Object.fromEntries(webResponse.headers));
    response.end(Buffer.from(await webResponse.arrayBuffer()));
  };
}
