import { generateRecoveryCodes, normalizeRecoveryCode, RECOVERY_CODE_COUNT } from '../../core/recovery.js';
import type { RecoveryCodeSet, RecoveryCodesStatus, RecoveryRedeemResult } from '../../ports.js';
import { logAuditEvent, type RecoveryAuditEvent, type RecoveryAuditSink } from './audit.js';
import { createCodeHasher, randomBytes, toBase64Url } from './hashing.js';
import type { RecoveryIdentity, RecoveryRequestContext } from './identity.js';
import type { RecoveryCodeStore, StoredRecoveryCodes } from './store.js';

export interface RateLimit {
  /** Attempts allowed per window. */
  limit: number;
  windowSeconds: number;
}

export interface RecoveryServiceOptions {
  store: RecoveryCodeStore;
  /** Server secret mixed into every hash; at least 32 random characters, never stored with the codes. */
  pepper: string;
  identity: RecoveryIdentity;
  /** Where events go. A sink that throws is logged and never changes an answer. */
  audit?: RecoveryAuditSink;
  /**
   * Redeem attempts per user, counted only once the password is proven (so nobody without it can
   * spend a user's attempts). Several windows make the wait grow (NIST SP 800-63B §5.2.2).
   * Default: 5 per 15 minutes and 20 per 24 hours.
   */
  perUserLimit?: RateLimit | RateLimit[];
  /**
   * Redeem attempts per client address, counted before anything else. Requests without a known
   * address share one bucket. Default 20 per 15 minutes.
   */
  perIpLimit?: RateLimit;
  /** Also end every session of the user after a recovery (`AdminUserGlobalSignOut`). Default false. */
  signOutAfterRecovery?: boolean;
  now?: () => number;
}

export interface RedeemRequest {
  username: string;
  password: string;
  code: string;
  /** The client's address, for the per-IP limit and Cognito's threat protection. */
  ip?: string;
  /** More of the request for Cognito's threat protection (`ContextData`). */
  context?: Omit<RecoveryRequestContext, 'ip'>;
}

export interface RecoveryService {
  generate(username: string): Promise<RecoveryCodeSet>;
  status(username: string): Promise<RecoveryCodesStatus>;
  /**
   * A wrong password, an unknown user and a wrong code all answer `CODE_INVALID`, so the endpoint
   * confirms nothing. `CODE_USED` needs the right password and a real (used) code of this user.
   */
  redeem(request: RedeemRequest): Promise<RecoveryRedeemResult>;
}

/** Thrown when the code was accepted but the pool refused to reset MFA; the code is given back. */
export class RecoveryResetError extends Error {
  override readonly name = 'RecoveryResetError';
}

const fifteenMinutes = 15 * 60;
/** Cognito's own limits: a username is 1–128 characters without whitespace, a password at most 256. */
const USERNAME = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,128}$/u;

/** Whether a redeem request is well-formed; anything else is answered 400 without any lookup. */
export function isValidRedeemInput(input: { username: unknown; password: unknown; code: unknown }): boolean {
  return (
    typeof input.username === 'string' &&
    USERNAME.test(input.username) &&
    typeof input.password === 'string' &&
    input.password.length >= 1 &&
    input.password.length <= 256 &&
    typeof input.code === 'string' &&
    input.code.length <= 64
  );
}

/**
 * The rules of recovery codes, shared by `createMfaHandler` and the simulator: generation from a
 * CSPRNG with only hashes kept, redeem with password proof first, single use, rate limits, MFA reset.
 */
export function createRecoveryService(options: RecoveryServiceOptions): RecoveryService {
  const { store, identity } = options;
  const hasher = createCodeHasher(options.pepper);
  const sink = options.audit ?? logAuditEvent;
  const now = options.now ?? Date.now;
  const perUser = [
    options.perUserLimit ?? [
      { limit: 5, windowSeconds: fifteenMinutes },
      { limit: 20, windowSeconds: 24 * 60 * 60 },
    ],
  ].flat();
  const perIp = options.perIpLimit ?? { limit: 20, windowSeconds: fifteenMinutes };
  const iso = () => new Date(now()).toISOString();

  async function audit(event: RecoveryAuditEvent): Promise<void> {
    try {
      await sink(event);
    } catch (error) {
      // The work is done (or refused) either way: an audit outage must not change the answer.
      console.error('mfa-kit: the recovery audit sink failed', error);
    }
  }

  /** Fixed windows: the counter key names the window, so it resets by itself. Seconds to wait, if over. */
  async function overLimit(scope: string, id: string, rule: RateLimit): Promise<number | undefined> {
    const windowMs = rule.windowSeconds * 1000;
    const windowStart = Math.floor(now() / windowMs) * windowMs;
    const count = await store.increment(
      `${scope}:${id}:${rule.windowSeconds}:${windowStart}`,
      windowStart + windowMs,
    );
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
    username: string | undefined,
    reason: Exclude<RecoveryRedeemResult, { ok: true }>['reason'],
    retryAfterSeconds?: number,
  ): Promise<RecoveryRedeemResult> {
    await audit({
      type: 'mfa_recovery_failed',
      ...(username === undefined ? {} : { username }),
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
      if (!isValidRedeemInput(request)) return fail(request, undefined, 'CODE_INVALID');
      // The address pays for every attempt, before anything is looked up; without one, all share a bucket.
      const ipWait = await overLimit('ip', (request.ip || 'unknown').slice(0, 64), perIp);
      if (ipWait !== undefined) return fail(request, undefined, 'RATE_LIMITED', ipWait);

      const canonical = normalizeRecoveryCode(request.code);
      if (!canonical) return fail(request, undefined, 'CODE_INVALID');
      const verified = await identity.verifyPassword(request.username, request.password, {
        ...request.context,
        ip: request.ip,
      });
      // One answer for a wrong password, an unknown user and a wrong code: no password oracle.
      if (verified === undefined || verified === false) return fail(request, undefined, 'CODE_INVALID');
      const username = verified === true ? request.username : verified;

      // Only now does the user's own budget count: nobody without the password can spend it.
      const waits = await Promise.all(perUser.map((rule) => overLimit('user', username, rule)));
      const userWait = Math.max(0, ...waits.map((wait) => wait ?? 0));
      if (userWait > 0) return fail(request, username, 'RATE_LIMITED', userWait);

      const set = await store.get(username);
      // Stryker disable next-line UnaryOperator: equivalent — without a set the next line answers CODE_INVALID before the index is read.
      const index = set ? await findCode(set, canonical) : -1;
      if (!set || index < 0) return fail(request, username, 'CODE_INVALID');
      // Stryker disable next-line OptionalChaining: equivalent — findCode returned a position inside set.codes.
      if (set.codes[index]?.usedAt !== undefined) return fail(request, username, 'CODE_USED');
      if (!(await store.consume(username, set.setId, index, iso()))) {
        // Lost a race: to another redeem of this code (used), or to a regeneration (the code is gone).
        const current = await store.get(username);
        return fail(request, username, current?.setId === set.setId ? 'CODE_USED' : 'CODE_INVALID');
      }

      try {
        await identity.resetMfa(username);
      } catch (error) {
        await store.release(username, set.setId, index);
        await audit({
          type: 'mfa_recovery_failed',
          username,
          at: iso(),
          ip: request.ip,
          reason: 'MFA_RESET_FAILED',
        });
        throw new RecoveryResetError('The user pool did not reset MFA; the recovery code was not used.', {
          cause: error,
        });
      }
      let signedOut: boolean | undefined;
      if (options.signOutAfterRecovery) {
        try {
          if (!identity.signOutEverywhere) throw new Error('The identity cannot sign users out.');
          await identity.signOutEverywhere(username);
          signedOut = true;
        } catch (error) {
          // MFA is already reset: report the recovery, and record that the sessions live on.
          console.error('mfa-kit: signing the user out after recovery failed', error);
          signedOut = false;
        }
      }
      const remaining = remainingIn(set) - 1;
      await audit({
        type: 'mfa_recovery_used',
        username,
        at: iso(),
        ip: request.ip,
        remaining,
        ...(signedOut === undefined ? {} : { signedOut }),
      });
      return { ok: true, remaining };
    },
  };
}
