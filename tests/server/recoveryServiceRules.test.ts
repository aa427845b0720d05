// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import type { RecoveryAuditEvent } from '../../src/server/recovery/audit';
import { logAuditEvent } from '../../src/server/recovery/audit';
import { assertStrongPepper, fromBase64Url, toBase64Url } from '../../src/server/recovery/hashing';
import type { RecoveryIdentity, RecoveryRequestContext } from '../../src/server/recovery/identity';
import { memoryStore } from '../../src/server/recovery/memoryStore';
import {
  createRecoveryService,
  isValidRedeemInput,
  RecoveryResetError,
  type RecoveryServiceOptions,
} from '../../src/server/recovery/service';

/** Issue 21: the recovery service's rules, each stated on a memory store and a recording identity. */
const pepper = 'test-pepper-of-at-least-thirty-two-characters';
const T0 = Date.UTC(2027, 0, 1, 0, 0, 0);

function setup(overrides: Partial<RecoveryServiceOptions> = {}) {
  let time = T0;
  const events: RecoveryAuditEvent[] = [];
  const identity = {
    verifyPassword: vi.fn(
      async (
        _username: string,
        password: string,
        _context?: RecoveryRequestContext,
      ): Promise<string | boolean | undefined> => (password === 'right' ? 'alice' : undefined),
    ),
    resetMfa: vi.fn(async (_username: string) => {}),
    signOutEverywhere: vi.fn(async (_username: string) => {}),
  } satisfies RecoveryIdentity;
  const store = memoryStore({ now: () => time });
  const service = createRecoveryService({
    store,
    pepper,
    identity,
    audit: (event) => {
      events.push(event);
    },
    now: () => time,
    ...overrides,
  });
  return {
    service,
    store,
    identity,
    events,
    advance: (ms: number) => {
      time += ms;
    },
  };
}

const attempt = (code: string, extra: { password?: string; ip?: string; username?: string } = {}) => ({
  username: extra.username ?? 'Alice',
  password: extra.password ?? 'right',
  code,
  ip: extra.ip ?? '203.0.113.1',
});

describe('recovery service: generate and status', () => {
  it('generates 10 codes, audits the set, and reports status with createdAt', async () => {
    const { service, events } = setup();
    const set = await service.generate('alice');
    expect(set.codes).toHaveLength(10);
    expect(set.createdAt).toBe(new Date(T0).toISOString());
    expect(events).toEqual([
      { type: 'mfa_recovery_codes_generated', username: 'alice', at: new Date(T0).toISOString(), total: 10 },
    ]);
    await expect(service.status('alice')).resolves.toEqual({
      remaining: 10,
      total: 10,
      createdAt: set.createdAt,
    });
    await expect(service.status('bob')).resolves.toEqual({ remaining: 0, total: 0 });
  });

  it('gives each set its own salt and id, so equal codes hash differently', async () => {
    const { service, store } = setup();
    await service.generate('alice');
    const first = await store.get('alice');
    await service.generate('alice');
    const second = await store.get('alice');
    expect(first?.salt).not.toBe(second?.salt);
    expect(first?.setId).not.toBe(second?.setId);
    expect(first?.salt).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(first?.setId).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });
});

describe('recovery service: redeem', () => {
  it('redeems with the canonical username the password check returned, and audits the use', async () => {
    const { service, identity, events } = setup();
    const { codes } = await service.generate('alice');
    events.length = 0;
    const code = (codes[3] ?? '').toLowerCase().replace('-', ' ');
    await expect(service.redeem(attempt(code))).resolves.toEqual({ ok: true, remaining: 9 });
    expect(identity.verifyPassword).toHaveBeenCalledWith('Alice', 'right', { ip: '203.0.113.1' });
    expect(identity.resetMfa).toHaveBeenCalledWith('alice');
    expect(identity.signOutEverywhere).not.toHaveBeenCalled();
    expect(events).toEqual([
      {
        type: 'mfa_recovery_used',
        username: 'alice',
        at: new Date(T0).toISOString(),
        ip: '203.0.113.1',
        remaining: 9,
      },
    ]);
    expect(events[0]).not.toHaveProperty('signedOut');
    await expect(service.status('alice')).resolves.toMatchObject({ remaining: 9, total: 10 });
  });

  it('reads `true` from the password check as "the typed name is canonical", and `false` as wrong', async () => {
    const { service, identity } = setup();
    const { codes } = await service.generate('Alice');
    identity.verifyPassword.mockResolvedValueOnce(false);
    await expect(service.redeem(attempt(codes[0] ?? ''))).resolves.toEqual({
      ok: false,
      reason: 'CODE_INVALID',
    });
    identity.verifyPassword.mockResolvedValueOnce(true);
    await expect(service.redeem(attempt(codes[0] ?? ''))).resolves.toEqual({ ok: true, remaining: 9 });
    expect(identity.resetMfa).toHaveBeenCalledWith('Alice');
  });

  it('answers a wrong password and a wrong code alike, auditing no username before the password is proven', async () => {
    const { service, events, identity } = setup();
    const { codes } = await service.generate('alice');
    events.length = 0;
    await expect(service.redeem(attempt(codes[0] ?? '', { password: 'wrong' }))).resolves.toEqual({
      ok: false,
      reason: 'CODE_INVALID',
    });
    await expect(service.redeem(attempt('ABCDE-23456'))).resolves.toEqual({
      ok: false,
      reason: 'CODE_INVALID',
    });
    expect(events[0]).toEqual({
      type: 'mfa_recovery_failed',
      at: new Date(T0).toISOString(),
      ip: '203.0.113.1',
      reason: 'CODE_INVALID',
    });
    expect(events[1]).toMatchObject({ username: 'alice', reason: 'CODE_INVALID' });
    expect(identity.resetMfa).not.toHaveBeenCalled();
  });

  it('refuses without a password check: malformed requests and codes that cannot be recovery codes', async () => {
    const { service, identity, events } = setup();
    await expect(service.redeem(attempt('ABCDE-2345'))).resolves.toEqual({
      ok: false,
      reason: 'CODE_INVALID',
    });
    await expect(service.redeem(attempt('ABCDE-23456', { username: 'has space' }))).resolves.toEqual({
      ok: false,
      reason: 'CODE_INVALID',
    });
    expect(identity.verifyPassword).not.toHaveBeenCalled();
    expect(events.every((event) => event.type === 'mfa_recovery_failed' && !('username' in event))).toBe(
      true,
    );
  });

  it('never answers RATE_LIMITED for wrong passwords from many addresses: the user budget is untouched', async () => {
    const { service, store } = setup();
    for (let i = 0; i < 8; i += 1) {
      const result = await service.redeem(
        attempt('ABCDE-23456', { password: 'wrong', ip: `198.51.100.${i}` }),
      );
      expect(result).toStrictEqual({ ok: false, reason: 'CODE_INVALID' });
    }
    expect(Object.keys(store.dump().counters).every((key) => key.startsWith('ip:'))).toBe(true);
  });

  it('treats `false` from the password check like an unknown user: no user budget spent', async () => {
    const { service, store, identity } = setup();
    identity.verifyPassword.mockResolvedValue(false);
    for (let i = 0; i < 8; i += 1) {
      const result = await service.redeem(attempt('ABCDE-23456', { ip: `198.51.100.${i}` }));
      expect(result).toStrictEqual({ ok: false, reason: 'CODE_INVALID' });
    }
    expect(Object.keys(store.dump().counters).every((key) => key.startsWith('ip:'))).toBe(true);
  });

  it('names its counters by scope, address (or "unknown") and window', async () => {
    const { service, store } = setup();
    await service.redeem(attempt('ABCDE-23456'));
    await service.redeem({ username: 'alice', password: 'right', code: 'ABCDE-23456' });
    const windowStart = Math.floor(T0 / 900_000) * 900_000;
    const dayStart = Math.floor(T0 / 86_400_000) * 86_400_000;
    expect(Object.keys(store.dump().counters).sort()).toEqual(
      [
        `ip:203.0.113.1:900:${windowStart}`,
        `ip:unknown:900:${windowStart}`,
        `user:alice:900:${windowStart}`,
        `user:alice:86400:${dayStart}`,
      ].sort(),
    );
  });

  it('answers CODE_USED from its own check even when the store would consume a used code again', async () => {
    const { service, store, identity } = setup();
    const { codes } = await service.generate('alice');
    await service.redeem(attempt(codes[0] ?? ''));
    store.consume = async () => true;
    await expect(service.redeem(attempt(codes[0] ?? ''))).resolves.toEqual({
      ok: false,
      reason: 'CODE_USED',
    });
    expect(identity.resetMfa).toHaveBeenCalledTimes(1);
  });

  it('answers CODE_INVALID when the set vanished while redeeming', async () => {
    const { service, store } = setup();
    const { codes } = await service.generate('alice');
    const get = store.get.bind(store);
    let reads = 0;
    store.get = async (username) => {
      reads += 1;
      return reads === 1 ? get(username) : undefined;
    };
    store.consume = async () => false;
    await expect(service.redeem(attempt(codes[0] ?? ''))).resolves.toEqual({
      ok: false,
      reason: 'CODE_INVALID',
    });
  });

  it('a user without codes gets CODE_INVALID', async () => {
    const { service } = setup();
    await expect(service.redeem(attempt('ABCDE-23456'))).resolves.toEqual({
      ok: false,
      reason: 'CODE_INVALID',
    });
  });

  it('a used code answers CODE_USED and is audited with the username', async () => {
    const { service, events } = setup();
    const { codes } = await service.generate('alice');
    await service.redeem(attempt(codes[0] ?? ''));
    await expect(service.redeem(attempt(codes[0] ?? ''))).resolves.toEqual({
      ok: false,
      reason: 'CODE_USED',
    });
    expect(events.at(-1)).toMatchObject({
      type: 'mfa_recovery_failed',
      username: 'alice',
      reason: 'CODE_USED',
    });
    await expect(service.redeem(attempt(codes[1] ?? ''))).resolves.toEqual({ ok: true, remaining: 8 });
  });

  it('losing the consume race answers CODE_USED for the same set and CODE_INVALID after a regeneration', async () => {
    const { service, store } = setup();
    const { codes } = await service.generate('alice');
    const consume = store.consume.bind(store);
    store.consume = async (...args) => {
      await consume(...args);
      return false;
    };
    await expect(service.redeem(attempt(codes[0] ?? ''))).resolves.toEqual({
      ok: false,
      reason: 'CODE_USED',
    });

    const { codes: fresh } = await service.generate('alice');
    store.consume = async () => {
      await service.generate('alice');
      return false;
    };
    await expect(service.redeem(attempt(fresh[0] ?? ''))).resolves.toEqual({
      ok: false,
      reason: 'CODE_INVALID',
    });
  });

  it('gives the code back and audits MFA_RESET_FAILED when the reset fails', async () => {
    const { service, identity, events } = setup();
    const { codes } = await service.generate('alice');
    identity.resetMfa.mockRejectedValueOnce(new Error('pool down'));
    const error = await service.redeem(attempt(codes[0] ?? '')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RecoveryResetError);
    expect((error as Error).name).toBe('RecoveryResetError');
    expect((error as Error).cause).toEqual(new Error('pool down'));
    expect((error as Error).message).toBe('The user pool did not reset MFA; the recovery code was not used.');
    expect(events.at(-1)).toEqual({
      type: 'mfa_recovery_failed',
      username: 'alice',
      at: new Date(T0).toISOString(),
      ip: '203.0.113.1',
      reason: 'MFA_RESET_FAILED',
    });
    await expect(service.status('alice')).resolves.toMatchObject({ remaining: 10 });
    await expect(service.redeem(attempt(codes[0] ?? ''))).resolves.toEqual({ ok: true, remaining: 9 });
  });

  it('with signOutAfterRecovery ends every session and records whether it worked', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { service, identity, events } = setup({ signOutAfterRecovery: true });
    const { codes } = await service.generate('alice');
    await service.redeem(attempt(codes[0] ?? ''));
    expect(identity.signOutEverywhere).toHaveBeenCalledWith('alice');
    expect(events.at(-1)).toMatchObject({ type: 'mfa_recovery_used', signedOut: true });

    identity.signOutEverywhere.mockRejectedValueOnce(new Error('sign-out failed'));
    await expect(service.redeem(attempt(codes[1] ?? ''))).resolves.toEqual({ ok: true, remaining: 8 });
    expect(events.at(-1)).toMatchObject({ type: 'mfa_recovery_used', signedOut: false });

    const withoutSignOut = setup({
      signOutAfterRecovery: true,
      identity: { verifyPassword: async () => 'alice', resetMfa: async () => {} },
    });
    const set = await withoutSignOut.service.generate('alice');
    await expect(withoutSignOut.service.redeem(attempt(set.codes[0] ?? ''))).resolves.toEqual({
      ok: true,
      remaining: 9,
    });
    expect(withoutSignOut.events.at(-1)).toMatchObject({ signedOut: false });
    expect(spy).toHaveBeenLastCalledWith(
      'mfa-kit: signing the user out after recovery failed',
      new Error('The identity cannot sign users out.'),
    );
    expect(spy).toHaveBeenCalledWith(
      'mfa-kit: signing the user out after recovery failed',
      expect.any(Error),
    );
    spy.mockRestore();
  });

  it('keeps its answer when the audit sink throws, and logs the failure', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { service } = setup({
      audit: () => {
        throw new Error('sink down');
      },
    });
    const { codes } = await service.generate('alice');
    await expect(service.redeem(attempt(codes[0] ?? ''))).resolves.toEqual({ ok: true, remaining: 9 });
    expect(spy).toHaveBeenCalledWith('mfa-kit: the recovery audit sink failed', expect.any(Error));
    spy.mockRestore();
  });

  it('logs one JSON line per event by default', async () => {
    const spy = vi.spyOn(console, 'info').mockImplementation(() => {});
    const { service } = setup({ audit: undefined });
    await service.generate('alice');
    expect(spy).toHaveBeenCalledWith(
      JSON.stringify({
        type: 'mfa_recovery_codes_generated',
        username: 'alice',
        at: new Date(T0).toISOString(),
        total: 10,
      }),
    );
    logAuditEvent({ type: 'mfa_recovery_failed', at: 'now', reason: 'CODE_INVALID' });
    expect(spy).toHaveBeenLastCalledWith('{"type":"mfa_recovery_failed","at":"now","reason":"CODE_INVALID"}');
    spy.mockRestore();
  });
});

describe('recovery service: rate limits', () => {
  it('by default allows 20 attempts per address per 15 minutes, then says how long to wait', async () => {
    const { service, identity } = setup();
    for (let i = 0; i < 20; i += 1) await service.redeem(attempt('ABCDE-23456', { password: 'wrong' }));
    const limited = await service.redeem(attempt('ABCDE-23456', { password: 'wrong' }));
    expect(limited).toStrictEqual({ ok: false, reason: 'RATE_LIMITED', retryAfterSeconds: 900 });
    expect(identity.verifyPassword).toHaveBeenCalledTimes(20);
    // Another address has its own bucket; so does the next window.
    await expect(service.redeem(attempt('ABCDE-23456', { ip: '203.0.113.2' }))).resolves.toMatchObject({
      reason: 'CODE_INVALID',
    });
  });

  it('puts requests without an address in one shared bucket, and cuts long addresses', async () => {
    const { service } = setup({ perIpLimit: { limit: 1, windowSeconds: 60 } });
    await service.redeem({ username: 'alice', password: 'x', code: 'ABCDE-23456' });
    await expect(
      service.redeem({ username: 'bob', password: 'x', code: 'ABCDE-23456', ip: '' }),
    ).resolves.toMatchObject({
      reason: 'RATE_LIMITED',
    });
    const long = 'a'.repeat(64);
    await service.redeem(attempt('ABCDE-23456', { ip: `${long}1` }));
    await expect(service.redeem(attempt('ABCDE-23456', { ip: `${long}2` }))).resolves.toMatchObject({
      reason: 'RATE_LIMITED',
    });
  });

  it('counts the per-user budget only once the password is proven: 5 per 15 minutes by default', async () => {
    const { service, advance } = setup();
    for (let i = 0; i < 10; i += 1)
      await service.redeem(attempt('ABCDE-23456', { password: 'wrong', ip: `198.51.100.${i}` }));
    for (let i = 0; i < 5; i += 1) {
      await expect(service.redeem(attempt('ABCDE-23456', { ip: `192.0.2.${i}` }))).resolves.toMatchObject({
        reason: 'CODE_INVALID',
      });
    }
    advance(60_000);
    await expect(service.redeem(attempt('ABCDE-23456', { ip: '192.0.2.99' }))).resolves.toEqual({
      ok: false,
      reason: 'RATE_LIMITED',
      retryAfterSeconds: 840,
    });
    advance(840_000);
    await expect(service.redeem(attempt('ABCDE-23456', { ip: '192.0.2.98' }))).resolves.toMatchObject({
      reason: 'CODE_INVALID',
    });
  });

  it('by default also caps a user at 20 attempts a day, and waits for the longest window', async () => {
    const { service, advance } = setup();
    let ip = 0;
    for (let window = 0; window < 4; window += 1) {
      for (let i = 0; i < 5; i += 1) {
        ip += 1;
        await service.redeem(attempt('ABCDE-23456', { ip: `192.0.2.${ip}` }));
      }
      advance(15 * 60_000);
    }
    const limited = await service.redeem(attempt('ABCDE-23456', { ip: '192.0.2.200' }));
    expect(limited).toEqual({ ok: false, reason: 'RATE_LIMITED', retryAfterSeconds: 24 * 3600 - 3600 });
  });

  it('takes a single per-user rule as well as a list, and waits at least one second', async () => {
    const { service, advance } = setup({ perUserLimit: { limit: 1, windowSeconds: 10 } });
    await service.redeem(attempt('ABCDE-23456'));
    advance(9_999);
    await expect(service.redeem(attempt('ABCDE-23456'))).resolves.toEqual({
      ok: false,
      reason: 'RATE_LIMITED',
      retryAfterSeconds: 1,
    });
  });
});

describe('isValidRedeemInput and the pepper', () => {
  it('accepts usernames of 1–128 visible characters, passwords of 1–256, codes up to 64', () => {
    const ok = { username: 'a', password: 'p', code: '' };
    expect(isValidRedeemInput(ok)).toBe(true);
    expect(isValidRedeemInput({ ...ok, username: 'é'.repeat(128) })).toBe(true);
    expect(isValidRedeemInput({ ...ok, username: 'a'.repeat(129) })).toBe(false);
    expect(isValidRedeemInput({ ...ok, username: '' })).toBe(false);
    expect(isValidRedeemInput({ ...ok, username: 'a b' })).toBe(false);
    expect(isValidRedeemInput({ ...ok, username: 'x\ny' })).toBe(false);
    expect(isValidRedeemInput({ ...ok, username: 7 })).toBe(false);
    expect(isValidRedeemInput({ ...ok, password: 'p'.repeat(256) })).toBe(true);
    expect(isValidRedeemInput({ ...ok, password: 'p'.repeat(257) })).toBe(false);
    expect(isValidRedeemInput({ ...ok, password: '' })).toBe(false);
    expect(isValidRedeemInput({ ...ok, password: ['p'] })).toBe(false);
    expect(isValidRedeemInput({ ...ok, code: 'c'.repeat(64) })).toBe(true);
    expect(isValidRedeemInput({ ...ok, code: 'c'.repeat(65) })).toBe(false);
    expect(isValidRedeemInput({ ...ok, code: 123 })).toBe(false);
    expect(isValidRedeemInput({ ...ok, code: ['ABCDE-23456'] })).toBe(false);
  });

  it('refuses short, low-variety and repeating peppers with their own messages', () => {
    expect(() => assertStrongPepper('0123456789abcdefghijklmnopqrstu')).toThrow('at least 32 characters');
    expect(() => assertStrongPepper('0123456789abcdefghijklmnopqrstuv')).not.toThrow();
    expect(() => assertStrongPepper('abcdefghi'.repeat(4))).toThrow('not random enough');
    expect(() => assertStrongPepper('abcdefghij'.repeat(4))).toThrow('repeats itself');
    expect(() => assertStrongPepper(undefined as unknown as string)).toThrow('at least 32 characters');
  });

  it('encodes base64url without padding and decodes it back', () => {
    const bytes = Uint8Array.from([251, 255, 191, 0, 62]);
    expect(toBase64Url(bytes)).toBe('-_-_AD4');
    expect([...fromBase64Url('-_-_AD4')]).toEqual([...bytes]);
  });
});
