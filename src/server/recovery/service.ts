import { generateRecoveryCodes, normalizeRecoveryCode, RECOVERY_CODE_COUNT } from '../../core/recovery.js';
import type { RecoveryCodeSet, RecoveryCodesStatus, RecoveryRedeemResult } from '../../ports.js';
import { logAuditEvent, type RecoveryAuditSink } from './audit.js';
import { createCodeHasher, randomBytes, toBase64Url } from './hashing.js';
import type { RecoveryIdentity } from './identity.js';
import type { RecoveryCodeStore, StoredRecoveryCodes } from './store.js';

export interface RateLimit {
  /** Redeem attempts allowed per window. */
  limit: number;
  windowSeconds: number;
}

export interface RecoveryServiceOptions {
  store: RecoveryCodeStore;
  /** Server secret mixed into every hash; at least 32 characters, never stored with the codes. */
  pepper: string;
  identity: RecoveryIdentity;
  audit?: RecoveryAuditSink;
  /** Default 5 attempts per 15 minutes per username. */
  perUserLimit?: RateLimit;
  /** Default 20 attempts per 15 minutes per client IP. */
  perIpLimit?: RateLimit;
  now?: () => number;
}

export interface RedeemRequest {
  username: string;
  password: string;
  code: string;
  ip?: string;
}

export interface RecoveryService {
  generate(username: string): Promise<RecoveryCodeSet>;
  status(username: string): Promise<RecoveryCodesStatus>;
  redeem(request: RedeemRequest): Promise<RecoveryRedeemResult>;
}

/** Thrown when the code was accepted but the pool refused to reset MFA; the code is given back. */
export class RecoveryResetError extends Error {
  override readonly name = 'RecoveryResetError';
}

const fifteenMinutes = 15 * 60;

/**
 * The rules of recovery codes, shared by `createMfaHandler` and the simulator: generation from a
 * CSPRNG with only hashes kept, redeem with password proof first, single use, rate limits, MFA reset.
 */
export function createRecoveryService(options: RecoveryServiceOptions): RecoveryService {
  const { store, identity } = options;
  const hasher = createCodeHasher(options.pepper);
  const audit = options.audit ?? logAuditEvent;
  const now = options.now ?? Date.now;
  const perUser = options.perUserLimit ?? { limit: 5, windowSeconds: fifteenMinutes };
  const perIp = options.perIpLimit ?? { limit: 20, windowSeconds: fifteenMinutes };
  const iso = () => new Date(now()).toISOString();

  /** Fixed windows: the counter key names the window, so it resets by itself. */
  async function overLimit(scope: string, id: string, rule: RateLimit): Promise<number | undefined> {
    const windowMs = rule.windowSeconds * 1000;
    const windowStart = Math.floor(now() / windowMs) * windowMs;
    const count = await store.increment(`${scope}:${id}:${windowStart}`, windowStart + windowMs);
    if (count <= rule.limit) return undefined;
    return Math.max(1, Math.ceil((windowStart + windowMs - now()) / 1000));
  }

  async function findCode(set: StoredRecoveryCodes, canonical: string): Promise<number> {
    // Every stored hash is checked, so the time taken does not tell which position matched.
    const matches = await Promise.all(
      set.codes.map((code) => hasher.matches(set.salt, canonical, code.hash)),
    );
    return matches.indexOf(true);
  }

  const remainingIn = (set: StoredRecoveryCodes | undefined) =>
    set ? set.codes.filter((code) => code.usedAt === undefined).length : 0;

  async function fail(
    request: RedeemRequest,
    reason: Exclude<RecoveryRedeemResult, { ok: true }>['reason'],
    retryAfterSeconds?: number,
  ): Promise<RecoveryRedeemResult> {
    await audit({
      type: 'mfa_recovery_failed',
      username: request.username,
      at: iso(),
      ip: request.ip,
      reason,
    });
    return retryAfterSeconds === undefined ? { ok: false, reason } : { ok: false, reason, retryAfterSeconds };
  }

  return {
    async generate(username) {
      const codes = generateRecoveryCodes(randomBytes, RECOVERY_CODE_COUNT);
      const salt = toBase64Url(randomBytes(16));
      const createdAt = iso();
      const hashes = await Promise.all(
        codes.map((code) => hasher.hash(salt, normalizeRecoveryCode(code) ?? code)),
      );
      await store.put({
        username,
        setId: toBase64Url(randomBytes(12)),
        salt,
        createdAt,
        codes: hashes.map((hash) => ({ hash })),
      });
      await audit({ type: 'mfa_recovery_codes_generated', username, at: createdAt, total: codes.length });
      return { codes, createdAt };
    },

    async status(username) {
      const set = await store.get(username);
      if (!set) return { remaining: 0, total: 0 };
      return { remaining: remainingIn(set), total: set.codes.length, createdAt: set.createdAt };
    },

    async redeem(request) {
      // Both counters always count the attempt, so switching usernames does not reset an address.
      const [userWait, ipWait] = await Promise.all([
        overLimit('user', request.username, perUser),
        request.ip === undefined ? undefined : overLimit('ip', request.ip, perIp),
      ]);
      if (userWait !== undefined || ipWait !== undefined)
        return fail(request, 'RATE_LIMITED', Math.max(userWait ?? 0, ipWait ?? 0));

      const canonical = normalizeRecoveryCode(request.code);
      if (!canonical) return fail(request, 'CODE_INVALID');
      if (!(await identity.verifyPassword(request.username, request.password)))
        return fail(request, 'NOT_AUTHORIZED');

      const set = await store.get(request.username);
      const index = set ? await findCode(set, canonical) : -1;
      if (!set || index < 0) return fail(request, 'CODE_INVALID');
      if (set.codes[index]?.usedAt !== undefined) return fail(request, 'CODE_USED');
      if (!(await store.consume(request.username, set.setId, index, iso())))
        return fail(request, 'CODE_USED');

      try {
        await identity.resetMfa(request.username);
      } catch (error) {
        await store.release(request.username, set.setId, index);
        await audit({
          type: 'mfa_recovery_failed',
          username: request.username,
          at: iso(),
          ip: request.ip,
          reason: 'MFA_RESET_FAILED',
        });
        throw new RecoveryResetError('The user pool did not reset MFA; the recovery code was not used.', {
          cause: error,
        });
      }
      const remaining = remainingIn(set) - 1;
      await audit({
        type: 'mfa_recovery_used',
        username: request.username,
        at: iso(),
        ip: request.ip,
        remaining,
      });
      return { ok: true, remaining };
    },
  };
}
