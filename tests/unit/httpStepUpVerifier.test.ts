// @vitest-environment node
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toMfaError } from '../../src/core/errors';
import { httpStepUpVerifier } from '../../src/http';

/** A host backend on loopback, in the shape of the OW-KAI seed's POST /api/auth/mfa/verify-totp. */
let server: Server;
let baseUrl = '';
let lastAuthorization: string | undefined;

beforeAll(async () => {
  server = createServer(async (request, response) => {
    let raw = '';
    for await (const chunk of request) raw += chunk;
    lastAuthorization = request.headers.authorization;
    const { code } = JSON.parse(raw || '{}') as { code?: string };
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.url === '/begin')
      return send(200, {
        method: 'SMS',
        requiresPassword: false,
        codeDeliveryDetails: { destination: '+*******0123' },
      });
    if (request.headers.authorization !== 'Bearer access-123') return send(401, {});
    if (code === '429429') return send(429, {});
    if (code !== '123456') return send(400, { error: 'CodeMismatchException' });
    return send(200, { token: 'step-up-token' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('httpStepUpVerifier', () => {
  const verifier = () =>
    httpStepUpVerifier({
      url: `${baseUrl}/api/auth/mfa/verify-totp`,
      getAccessToken: async () => 'access-123',
    });

  it('asks for an authenticator code by default and returns the backend token as proof', async () => {
    expect(await verifier().begin()).toEqual({ method: 'TOTP', requiresPassword: false });
    const proof = await verifier().verify({ code: '123456' });
    expect(proof).toMatchObject({ token: 'step-up-token', method: 'TOTP' });
    expect(Date.now() - proof.verifiedAt).toBeLessThan(5_000);
    expect(lastAuthorization).toBe('Bearer access-123');
  });

  it('maps refusals to the same errors as Cognito', async () => {
    await expect(verifier().verify({ code: '000000' }).catch(toMfaError)).resolves.toMatchObject({
      code: 'CODE_MISMATCH',
    });
    await expect(verifier().verify({ code: '429429' }).catch(toMfaError)).resolves.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
    });
    const wrongToken = httpStepUpVerifier({ url: `${baseUrl}/verify`, getAccessToken: () => 'stale' });
    await expect(wrongToken.verify({ code: '123456' }).catch(toMfaError)).resolves.toMatchObject({
      code: 'NOT_AUTHORIZED',
    });
    const unreachable = httpStepUpVerifier({ url: 'http://127.0.0.1:1/verify', getAccessToken: () => 'x' });
    await expect(unreachable.verify({ code: '123456' }).catch(toMfaError)).resolves.toMatchObject({
      code: 'NETWORK',
    });
  });

  it('lets the backend choose the method when it has a begin endpoint', async () => {
    const withBegin = httpStepUpVerifier({
      url: `${baseUrl}/verify`,
      beginUrl: `${baseUrl}/begin`,
      getAccessToken: () => 'access-123',
      method: 'SMS',
    });
    expect(await withBegin.begin()).toMatchObject({
      method: 'SMS',
      codeDeliveryDetails: { destination: '+*******0123' },
    });
  });
});
