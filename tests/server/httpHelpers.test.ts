// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  addressBehindProxies,
  BodyError,
  bearerToken,
  defaultClientIp,
  forwardedFor,
  json,
  readJsonObject,
} from '../../src/server/http';

/**
 * Issue 21: the request helpers every server route relies on — the bearer token, the bounded JSON
 * body reader, and the client address behind proxies (what per-IP limits key on).
 */
const withHeaders = (headers: Record<string, string>, body?: BodyInit) =>
  new Request('https://api.example.com/x', { method: body === undefined ? 'GET' : 'POST', headers, body });

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(BodyError);
  const { status, message, name } = error as BodyError;
  return { status, message, name };
};

describe('json', () => {
  it('answers JSON that is never cached, with extra headers on top', async () => {
    const response = json(418, { a: 1 }, { 'x-extra': 'y', 'cache-control': 'private' });
    expect(response.status).toBe(418);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('private');
    expect(response.headers.get('x-extra')).toBe('y');
    expect(await response.json()).toEqual({ a: 1 });
    expect(json(200, null).headers.get('cache-control')).toBe('no-store');
  });
});

describe('bearerToken', () => {
  it('reads "Bearer <token>" in any case, and nothing else', () => {
    expect(bearerToken(withHeaders({ authorization: 'Bearer abc.def' }))).toBe('abc.def');
    expect(bearerToken(withHeaders({ authorization: 'bearer   abc' }))).toBe('abc');
    for (const header of ['Basic abc', 'Bearer', 'Bearer a b', 'Bearerabc', 'xBearer abc', 'Bearer abc x']) {
      expect(bearerToken(withHeaders({ authorization: header })), header).toBeUndefined();
    }
    expect(bearerToken(withHeaders({}))).toBeUndefined();
  });
});

describe('readJsonObject', () => {
  const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    withHeaders(headers, body);

  it('reads a JSON object sent as application/json, with or without parameters', async () => {
    expect(await readJsonObject(post('{"a":1}'))).toEqual({ a: 1 });
    expect(
      await readJsonObject(post('{"a":2}', { 'content-type': 'Application/JSON; charset=utf-8' })),
    ).toEqual({ a: 2 });
    expect(await readJsonObject(post('{"a":3}', { 'content-type': ' application/json ' }))).toEqual({ a: 3 });
  });

  it('refuses other content types with 415', async () => {
    for (const type of [
      'text/plain',
      'application/jsonx',
      'application/json-patch+json',
      'multipart/form-data',
    ]) {
      expect(await refusal(readJsonObject(post('{}', { 'content-type': type }))), type).toEqual({
        status: 415,
        message: 'Send the body as Content-Type: application/json.',
        name: 'BodyError',
      });
    }
    expect((await refusal(readJsonObject(withHeaders({}, '{}')))).status).toBe(415);
  });

  it('refuses a malformed or too large Content-Length before reading', async () => {
    for (const length of ['abc', '-1', '1.5', '1234567890123456']) {
      const request = new Request('https://api.example.com/x', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': length },
        body: '{}',
      });
      expect(await refusal(readJsonObject(request)), length).toEqual({
        status: 400,
        message: 'Malformed Content-Length.',
        name: 'BodyError',
      });
    }
    const declaredBig = new Request('https://api.example.com/x', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': '101' },
      body: '{}',
    });
    expect(await refusal(readJsonObject(declaredBig, 100))).toEqual({
      status: 413,
      message: 'The body is too large.',
      name: 'BodyError',
    });
  });

  it('stops reading past the limit whatever Content-Length says, and takes exactly the limit', async () => {
    const exact = `{"a":"${'x'.repeat(92)}"}`;
    expect(exact.length).toBe(100);
    expect(await readJsonObject(post(exact), 100)).toEqual({ a: 'x'.repeat(92) });
    expect(await refusal(readJsonObject(post(`{"a":"${'x'.repeat(93)}"}`), 100))).toEqual({
      status: 413,
      message: 'The body is too large.',
      name: 'BodyError',
    });
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"a":'));
        controller.enqueue(new TextEncoder().encode(`"${'y'.repeat(20_000)}"}`));
        controller.close();
      },
    });
    const streamed = new Request('https://api.example.com/x', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    expect((await refusal(readJsonObject(streamed))).status).toBe(413);
  });

  it('refuses a body that cannot be read, is not UTF-8 JSON, or is not an object', async () => {
    const broken = new Request('https://api.example.com/x', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream({
        pull(controller) {
          controller.error(new Error('connection reset'));
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(await refusal(readJsonObject(broken))).toEqual({
      status: 400,
      message: 'The body could not be read.',
      name: 'BodyError',
    });
    for (const body of ['', '{', 'nope']) {
      expect(await refusal(readJsonObject(post(body))), body).toEqual({
        status: 400,
        message: 'The body is not JSON.',
        name: 'BodyError',
      });
    }
    const latin1 = withHeaders(
      { 'content-type': 'application/json' },
      new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x7d]),
    );
    expect((await refusal(readJsonObject(latin1))).message).toBe('The body is not JSON.');
    for (const body of ['[]', 'null', '42', '"text"', 'true']) {
      expect(await refusal(readJsonObject(post(body))), body).toEqual({
        status: 400,
        message: 'The body must be a JSON object.',
        name: 'BodyError',
      });
    }
    expect(
      (
        await refusal(
          readJsonObject(
            new Request('https://api.example.com/x', {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
            }),
          ),
        )
      ).message,
    ).toBe('The body is not JSON.');
  });
});

describe('client address behind proxies', () => {
  const forwarded = (value?: string) => new Headers(value === undefined ? {} : { 'x-forwarded-for': value });

  it('forwardedFor trusts only the last n entries, and nothing without trusted proxies', () => {
    const chain = 'forged, 198.51.100.7, 10.0.0.1';
    expect(forwardedFor(forwarded(chain), 0)).toBeUndefined();
    expect(forwardedFor(forwarded(chain), Number.NaN)).toBeUndefined();
    expect(forwardedFor(forwarded(chain), 1)).toBe('10.0.0.1');
    expect(forwardedFor(forwarded(chain), 2)).toBe('198.51.100.7');
    expect(forwardedFor(forwarded(chain), 2.9)).toBe('198.51.100.7');
    expect(forwardedFor(forwarded(chain), 9)).toBe('forged');
    expect(forwardedFor(forwarded(' , ,'), 1)).toBeUndefined();
    expect(forwardedFor(forwarded(), 1)).toBeUndefined();
    expect(forwardedFor(forwarded(`${'a'.repeat(80)}`), 1)).toBe('a'.repeat(64));
  });

  it('addressBehindProxies walks back from the nearest address, never past the header', () => {
    expect(addressBehindProxies('10.0.0.9', 'forged', 0)).toBe('10.0.0.9');
    expect(addressBehindProxies(undefined, 'forged', 0)).toBeUndefined();
    expect(addressBehindProxies('10.0.0.9', 'forged, 198.51.100.7', 1)).toBe('198.51.100.7');
    expect(addressBehindProxies('10.0.0.9', 'forged, 198.51.100.7', 2)).toBe('forged');
    expect(addressBehindProxies('10.0.0.9', 'forged, 198.51.100.7', 1.5)).toBe('198.51.100.7');
    expect(addressBehindProxies('10.0.0.9', 'forged, 198.51.100.7', 5)).toBe('forged');
    expect(addressBehindProxies('10.0.0.9', undefined, 1)).toBe('10.0.0.9');
    expect(addressBehindProxies('10.0.0.9', ' , ', 1)).toBe('10.0.0.9');
    expect(addressBehindProxies(undefined, null, 1)).toBeUndefined();
    expect(addressBehindProxies('b'.repeat(70), null, 0)).toBe('b'.repeat(64));
    expect(addressBehindProxies('10.0.0.9', 'c'.repeat(70), 1)).toBe('c'.repeat(64));
  });

  it('defaultClientIp prefers what the server passed, then a trusted header, never an untrusted one', () => {
    const request = new Request('https://api.example.com/x', {
      headers: { 'x-forwarded-for': 'forged, 203.0.113.5' },
    });
    expect(defaultClientIp(request, { clientIp: '192.0.2.1' }, 1)).toBe('192.0.2.1');
    expect(defaultClientIp(request, { clientIp: '' }, 1)).toBe('203.0.113.5');
    expect(defaultClientIp(request, undefined, 1)).toBe('203.0.113.5');
    expect(defaultClientIp(request, undefined)).toBeUndefined();
    expect(defaultClientIp(request, {}, 0)).toBeUndefined();
  });
});
