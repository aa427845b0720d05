// @vitest-environment node
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type MfaHandler, nodeListener } from '../../src/server';

/**
 * Issue 21: nodeListener's own rules on a real Node server with a recording handler (no emulator):
 * which requests reach the handler, with what URL, body and client address, and what the client
 * gets back. nodeListenerCrash.test.ts runs it in front of the real handler.
 */
interface Seen {
  method: string;
  url: string;
  body: string;
  clientIp?: string;
  headers: Record<string, string>;
}

/** The documented limit: 16 KiB of body. */
const MAX_BODY_BYTES = 16 * 1024;
const seen: Seen[] = [];
let answer: (request: Request) => Promise<Response> = async () =>
  new Response('{"ok":true}', {
    status: 201,
    headers: { 'content-type': 'application/json', 'x-extra': 'yes' },
  });

const recording: MfaHandler = async (request, context) => {
  seen.push({
    method: request.method,
    url: request.url,
    body: await request.text(),
    clientIp: context?.clientIp,
    headers: Object.fromEntries(request.headers),
  });
  return answer(request);
};

let plain: Server;
let proxied: Server;
const ports: Record<string, number> = {};

beforeAll(async () => {
  plain = createServer(nodeListener(recording));
  proxied = createServer(nodeListener(recording, { trustedProxies: 2 }));
  for (const [name, server] of [
    ['plain', plain],
    ['proxied', proxied],
  ] as const) {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    ports[name] = (server.address() as AddressInfo).port;
  }
});
afterAll(async () => {
  await Promise.all([plain, proxied].map((server) => new Promise((resolve) => server.close(resolve))));
});

function send(
  options: {
    method?: string;
    path?: string;
    headers?: Record<string, string | string[]>;
    body?: string | Buffer;
  },
  server = 'plain',
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port: ports[server],
        method: options.method ?? 'GET',
        path: options.path ?? '/mfa/recovery-codes',
        headers: options.headers ?? {},
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    request.on('error', reject);
    if (options.body !== undefined) request.write(options.body);
    request.end();
  });
}

describe('nodeListener', () => {
  it('passes a GET through with a fixed origin (never the Host header) and the answer back', async () => {
    seen.length = 0;
    const response = await send({ path: '/mfa/x?a=1', headers: { host: 'evil.example', 'x-custom': 'v' } });
    expect(response.status).toBe(201);
    expect(response.body).toBe('{"ok":true}');
    expect(response.headers['x-extra']).toBe('yes');
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('http://localhost/mfa/x?a=1');
    expect(seen[0]?.method).toBe('GET');
    expect(seen[0]?.headers['x-custom']).toBe('v');
    expect(seen[0]?.clientIp).toBe('127.0.0.1');
  });

  it('passes a POST body through, and an empty POST without one', async () => {
    seen.length = 0;
    await send({
      method: 'POST',
      body: '{"code":"ABCDE-FGHJK"}',
      headers: { 'content-type': 'application/json' },
    });
    await send({ method: 'POST' });
    expect(seen.map((request) => request.body)).toEqual(['{"code":"ABCDE-FGHJK"}', '']);
  });

  it('answers 405 with Allow for methods other than GET, POST and OPTIONS, without calling the handler', async () => {
    seen.length = 0;
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      const response = await send({ method });
      expect(response.status, method).toBe(405);
      expect(JSON.parse(response.body)).toEqual({ error: 'METHOD_NOT_ALLOWED' });
      expect(response.headers.allow).toBe('GET, POST, OPTIONS');
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-store');
    }
    expect((await send({ method: 'OPTIONS' })).status).toBe(201);
    expect(seen.map((request) => request.method)).toEqual(['OPTIONS']);
  });

  it('keeps only the path and query of an absolute-form target, and refuses one it cannot parse', async () => {
    seen.length = 0;
    await send({ path: 'http://other.example:8080/mfa/y?b=2' });
    expect(seen[0]?.url).toBe('http://localhost/mfa/y?b=2');
    const broken = await send({ path: 'http://[bad' });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body)).toEqual({ error: 'BAD_REQUEST' });
    expect(seen).toHaveLength(1);
  });

  it('refuses a body over 16 KiB with 413, by its declared length or by what arrives', async () => {
    seen.length = 0;
    const big = 'x'.repeat(MAX_BODY_BYTES + 1);
    const declared = await send({ method: 'POST', body: big });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toEqual({ error: 'PAYLOAD_TOO_LARGE' });
    expect(declared.headers.connection).toBe('close');
    const chunked = await send({ method: 'POST', body: big, headers: { 'transfer-encoding': 'chunked' } });
    expect(chunked.status).toBe(413);
    const justFits = await send({ method: 'POST', body: 'x'.repeat(MAX_BODY_BYTES) });
    expect(justFits.status).toBe(201);
    expect(seen.map((request) => request.body.length)).toEqual([MAX_BODY_BYTES]);
  });

  it('takes the client address from X-Forwarded-For only as far as the proxies it trusts', async () => {
    seen.length = 0;
    await send({ headers: { 'x-forwarded-for': '203.0.113.9' } });
    await send({ headers: { 'x-forwarded-for': '198.51.100.1, 203.0.113.7, 10.0.0.2' } }, 'proxied');
    await send({ headers: { 'x-forwarded-for': ['198.51.100.1', '203.0.113.8, 10.0.0.2'] } }, 'proxied');
    expect(seen.map((request) => request.clientIp)).toEqual(['127.0.0.1', '203.0.113.7', '203.0.113.8']);
  });

  it('passes repeated headers on, joined', async () => {
    seen.length = 0;
    await send({ headers: { 'x-multi': ['a', 'b'] } });
    expect(seen[0]?.headers['x-multi']).toBe('a, b');
  });

  it('answers 500 when the handler throws, 400 when it throws a TypeError, and logs only the first', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    answer = async () => {
      throw new Error('handler bug');
    };
    const crashed = await send({});
    expect(crashed.status).toBe(500);
    expect(JSON.parse(crashed.body)).toEqual({ error: 'INTERNAL' });
    expect(error).toHaveBeenCalledWith('mfa-kit: nodeListener failed', expect.any(Error));
    error.mockClear();
    answer = async () => {
      throw new TypeError('bad header value');
    };
    const malformed = await send({});
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body)).toEqual({ error: 'BAD_REQUEST' });
    expect(error).not.toHaveBeenCalled();
    error.mockRestore();
    answer = async () => new Response('{"ok":true}', { status: 201 });
  });
});
