// @vitest-environment node
import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import {
  createMfaHandler,
  createRecoveryService,
  memoryStore,
  nodeListener,
  type RecoveryIdentity,
} from '../../src/server';
import { defaultClientIp } from '../../src/server/http';
import { adminClient } from './support/cognitoPool';

const pepper = 'another-pepper-that-is-long-enough-32+';
const passwords: Record<string, string> = { carol: 'Carol-passw0rd' };
const resets: string[] = [];
/** A pool of one user, for the rules that do not depend on Cognito (those are proven in mfaHandler.test). */
const identity: RecoveryIdentity = {
  verifyPassword: async (username, password) => passwords[username] === password,
  resetMfa: async (username) => {
    resets.push(username);
  },
};

describe('createRecoveryService', () => {
  it('refuses a short pepper', () => {
    expect(() => createRecoveryService({ store: memoryStore(), pepper: 'short', identity })).toThrow(
      /32 characters/,
    );
  });

  it('opens a new rate-limit window once the old one has passed', async () => {
    let now = Date.UTC(2026, 10, 23, 10, 0, 0);
    const service = createRecoveryService({
      store: memoryStore({ now: () => now }),
      pepper,
      identity,
      audit: () => {},
      perUserLimit: { limit: 2, windowSeconds: 60 },
      now: () => now,
    });
    const { codes } = await service.generate('carol');
    const attempt = (code: string) =>
      service.redeem({ username: 'carol', password: passwords.carol ?? '', code });
    await attempt('AAAAA-AAAAA');
    await attempt('AAAAA-AAAAA');
    expect(await attempt(codes[0] ?? '')).toEqual({
      ok: false,
      reason: 'RATE_LIMITED',
      retryAfterSeconds: 60,
    });
    now += 61_000;
    expect(await attempt(codes[0] ?? '')).toEqual({ ok: true, remaining: 9 });
    expect(resets).toContain('carol');
  });

  it('keeps no plaintext code in the store', async () => {
    const store = memoryStore();
    const service = createRecoveryService({ store, pepper, identity, audit: () => {} });
    const { codes } = await service.generate('carol');
    const dump = JSON.stringify(store.dump());
    for (const code of codes) {
      expect(dump).not.toContain(code);
      expect(dump).not.toContain(code.replace('-', ''));
    }
  });
});

describe('defaultClientIp', () => {
  it('believes only what the server passed, or the X-Forwarded-For entry its declared proxies appended', () => {
    const request = new Request('https://app.example/mfa', {
      headers: { 'x-forwarded-for': '198.51.100.23, 203.0.113.7', 'x-real-ip': '192.0.2.1' },
    });
    expect(defaultClientIp(request, { clientIp: '192.0.2.50' }, 1)).toBe('192.0.2.50');
    expect(defaultClientIp(request, undefined, 1)).toBe('203.0.113.7');
    expect(defaultClientIp(request, undefined, 2)).toBe('198.51.100.23');
    // No declared proxy: client-settable headers are ignored.
    expect(defaultClientIp(request, undefined)).toBeUndefined();
    expect(defaultClientIp(new Request('https://app.example/mfa'), undefined, 1)).toBeUndefined();
  });
});

describe('nodeListener', () => {
  it('serves the Web handler from a Node http server, passing the socket address for rate limits', async () => {
    const ips: Array<string | undefined> = [];
    const handler = createMfaHandler({
      userPoolId: 'us-east-1_test',
      clientId: 'client',
      cognito: adminClient('http://127.0.0.1:9'),
      identity,
      store: memoryStore(),
      pepper,
      audit: (event) => {
        if (event.type === 'mfa_recovery_failed') ips.push(event.ip);
      },
    });
    const server = createServer(nodeListener(handler));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    try {
      const response = await fetch(`${base}/mfa/recovery-codes/redeem`, {
        method: 'POST',
        // A client cannot choose its address: forged headers are replaced by the socket's.
        headers: {
          'content-type': 'application/json',
          'x-mfa-kit-socket-ip': '203.0.113.99',
          'x-forwarded-for': '198.51.100.23',
        },
        body: JSON.stringify({ username: 'carol', password: 'nope', code: 'AAAAA-AAAAA' }),
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ ok: false, reason: 'CODE_INVALID' });
      expect(ips).toEqual(['127.0.0.1']);
      expect((await fetch(`${base}/mfa/recovery-codes`)).status).toBe(401);
      const huge = await fetch(`${base}/mfa/recovery-codes/redeem`, {
        method: 'POST',
        body: 'x'.repeat(64 * 1024),
      });
      expect(huge.status).toBe(413);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
