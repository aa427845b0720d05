import { useCallback } from 'react';
import { useMfaContext } from '../context/mfaContext.js';
import { type MfaError, toMfaError } from '../core/errors.js';
import type { RecoveryRefusal } from '../core/recovery.js';

export interface RecoveryRedeemInput {
  /** Whose code it is; the signed-in user's when left out (step-up). */
  username?: string;
  password: string;
  code: string;
}

export type RecoveryRedeemOutcome =
  | { status: 'redeemed' }
  | { status: 'refused'; refusal: RecoveryRefusal }
  | { status: 'failed'; error: MfaError };

/**
 * Redeems a recovery code through the provider's `recovery` adapter, for sign-in and step-up alike:
 * a refusal (wrong code, used code, rate limit) is an answer, anything thrown becomes an MfaError.
 * Undefined when the provider has no adapter.
 */
export function useRecoveryRedeem():
  | ((input: RecoveryRedeemInput) => Promise<RecoveryRedeemOutcome>)
  | undefined {
  const { client, recovery } = useMfaContext('useRecoveryRedeem');
  const redeem = useCallback(
    async ({ username, password, code }: RecoveryRedeemInput): Promise<RecoveryRedeemOutcome> => {
      if (!recovery) throw new Error('useRecoveryRedeem needs a recovery adapter on <MfaProvider>.');
      try {
        const owner = username ?? (await client.getCurrentUser()).username;
        const result = await recovery.redeem({ username: owner, password, code });
        return result.ok ? { status: 'redeemed' } : { status: 'refused', refusal: result };
      } catch (error) {
        return { status: 'failed', error: toMfaError(error) };
      }
    },
    [client, recovery],
  );
  return recovery ? redeem : undefined;
}
