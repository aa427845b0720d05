import { awsStyleError } from '../core/errors.js';
import { stepUpRequirementFrom } from '../core/rfc9470.js';
import type {
  RecoveryCodeSet,
  RecoveryCodesAdapter,
  RecoveryCodesStatus,
  RecoveryRedeemFailure,
  RecoveryRedeemResult,
} from '../ports.js';

export interface HttpRecoveryCodesOptions {
  /** Where `createMfaHandler` is mounted, e.g. `https://api.example.com/mfa`. */
  baseUrl: string;
  /** The signed-in user's Cognito access token (for generate and status). */
  getAccessToken: () => Promise<string> | string;
  fetch?: typeof fetch;
}

const failures: ReadonlySet<string> = new Set<RecoveryRedeemFailure>([
  'NOT_AUTHORIZED',
  'CODE_INVALID',
  'CODE_USED',
  'RATE_LIMITED',
]);

function errorFor(response: Response): Error {
  // createMfaHandler asks for step-up before replacing codes (on by default): say how to wire it.
  if (stepUpRequirementFrom(response.status, response.headers.get('www-authenticate')))
    return awsStyleError(
      'StepUpRequiredException',
      'Replacing recovery codes needs a fresh MFA verification: pass `fetch: stepUpFetch` (from useStepUp()).',
    );
  if (response.status === 401)
    return awsStyleError('UserUnAuthenticatedException', 'The session was refused.');
  if (response.status === 429) return awsStyleError('TooManyRequestsException', 'Too many requests.');
  return awsStyleError('RecoveryServiceError', `The recovery-code service answered ${response.status}.`);
}

/** Recovery codes through the host's backend running `createMfaHandler` from `mfa-kit/server`. */
export function httpRecoveryCodes({
  baseUrl,
  getAccessToken,
  fetch: fetchImpl = globalThis.fetch.bind(globalThis),
}: HttpRecoveryCodesOptions): RecoveryCodesAdapter {
  const root = baseUrl.replace(/\/$/, '');
  const send = async (path: string, init: RequestInit) => {
    try {
      return await fetchImpl(`${root}${path}`, init);
    } catch {
      throw awsStyleError('NetworkError', 'The recovery-code service could not be reached.');
    }
  };
  const authorized = async (method: 'GET' | 'POST') => ({
    method,
    headers: { Authorization: `Bearer ${await getAccessToken()}` },
  });

  return {
    async generate(): Promise<RecoveryCodeSet> {
      const response = await send('/recovery-codes', await authorized('POST'));
      if (!response.ok) throw errorFor(response);
      return (await response.json()) as RecoveryCodeSet;
    },
    async status(): Promise<RecoveryCodesStatus> {
      const response = await send('/recovery-codes', await authorized('GET'));
      if (!response.ok) throw errorFor(response);
      return (await response.json()) as RecoveryCodesStatus;
    },
    async redeem(input): Promise<RecoveryRedeemResult> {
      const response = await send('/recovery-codes/redeem', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      const body = (await response.json().catch(() => ({}))) as Partial<RecoveryRedeemResult> & {
        reason?: string;
      };
      if (response.ok && body.ok === true) return { ok: true, remaining: Number(body.remaining ?? 0) };
      if (body.ok === false && typeof body.reason === 'string' && failures.has(body.reason)) {
        const reason = body.reason as RecoveryRedeemFailure;
        const retryAfter = Number(response.headers.get('retry-after') ?? Number.NaN);
        return Number.isFinite(retryAfter)
          ? { ok: false, reason, retryAfterSeconds: retryAfter }
          : { ok: false, reason };
      }
      throw errorFor(response);
    },
  };
}
