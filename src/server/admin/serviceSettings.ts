import { MfaAdminError } from '../../core/adminErrors.js';
import { createMfaPolicy, type MfaPolicy, MfaPolicyError } from '../../core/mfaPolicy.js';
import type { PoolMfaChangeImpact, PoolMfaConfig, SetPoolMfaConfigInput } from '../../ports.js';
import type { AdminActions } from './serviceActions.js';
import { type AdminContext, methodsIn } from './serviceContext.js';
import type { MfaAdminService } from './serviceTypes.js';
import type { AdminUsers } from './serviceUsers.js';

/** The pool's MFA configuration (dry run, change) and the enforcement policy. */
export function createAdminSettings(
  c: AdminContext,
  { everyUser }: Pick<AdminUsers, 'everyUser'>,
  { act }: Pick<AdminActions, 'act'>,
) {
  const { pool, store, iso, newId, withPool, requireJustification, loadPolicy } = c;

  function validConfig(input: SetPoolMfaConfigInput): PoolMfaConfig {
    if (!['OFF', 'OPTIONAL', 'ON'].includes(input?.mode))
      throw new MfaAdminError('INVALID_REQUEST', 'mode must be OFF, OPTIONAL or ON.');
    const methods = methodsIn(input.methods);
    if (!Array.isArray(input.methods) || methods.length !== input.methods.length)
      throw new MfaAdminError('INVALID_REQUEST', 'methods must list TOTP, SMS or EMAIL.');
    if (input.mode !== 'OFF' && methods.length === 0)
      throw new MfaAdminError('INVALID_REQUEST', 'MFA OPTIONAL or ON needs at least one method.');
    return { mode: input.mode, methods: [...new Set(methods)] };
  }

  async function impactOf(next: PoolMfaConfig): Promise<PoolMfaChangeImpact> {
    const impact: PoolMfaChangeImpact = {
      scanned: 0,
      withoutMfa: 0,
      sentToSetup: 0,
      lockedOut: 0,
      losingMfa: 0,
    };
    // Cognito offers TOTP and email for setup during sign-in, never SMS.
    const canSetUpWhileSigningIn = next.methods.includes('TOTP') || next.methods.includes('EMAIL');
    await everyUser((user) => {
      impact.scanned += 1;
      const usable = user.methods.filter((method) => next.methods.includes(method));
      if (next.mode === 'OFF') {
        if (user.methods.length > 0) impact.losingMfa += 1;
        return;
      }
      if (usable.length > 0) return;
      impact.withoutMfa += 1;
      if (next.mode !== 'ON') return;
      if (canSetUpWhileSigningIn) impact.sentToSetup += 1;
      else impact.lockedOut += 1;
    });
    return impact;
  }

  /**
   * Cognito does not let a factor be turned off while the pool requires MFA ("You can't turn off TOTP
   * MFA for any of your users when MFA is required in your user pool", SoftwareTokenMfaSettingsType),
   * so neither a bypass nor a reset can work there: refuse with the reason and what to do instead.
   */
  async function refuseInPoolWithMfaOn(
    code: 'BYPASS_UNAVAILABLE_POOL_MFA_ON' | 'RESET_UNAVAILABLE_POOL_MFA_ON',
    what: 'bypassed' | 'reset',
  ): Promise<void> {
    const config = await withPool(() => pool.getMfaConfig());
    if (config.mode !== 'ON') return;
    throw new MfaAdminError(
      code,
      `The pool requires MFA (ON): Cognito does not let a user's factors be turned off there, so MFA cannot be ${what}.`,
      {
        alternative:
          'Run the pool with MFA OPTIONAL and require MFA in the app (the enforcement policy), where bypass and reset work. In a pool with MFA ON, a user who lost their authenticator redeems a recovery code, which deletes it (AdminDeleteSoftwareToken).',
      },
    );
  }

  const methods: Pick<MfaAdminService, 'getPoolMfaConfig' | 'setPoolMfaConfig' | 'getPolicy' | 'setPolicy'> =
    {
      getPoolMfaConfig: () => withPool(() => pool.getMfaConfig()),

      async setPoolMfaConfig(actor, input) {
        const next = validConfig(input);
        if (input.justification !== undefined) requireJustification(input.justification);
        if (input.dryRun)
          return { applied: false, config: next, impact: await withPool(() => impactOf(next)) };
        const previous = await withPool(() => pool.getMfaConfig());
        await act(
          {
            id: newId(),
            type: 'pool_mfa_changed',
            at: iso(),
            actor: actor.username,
            ...(input.justification === undefined ? {} : { justification: input.justification }),
            requestId: actor.requestId,
            status: 'pending',
            details: { previous, next },
          },
          async () => {
            await pool.setMfaConfig(next);
            return undefined;
          },
        );
        return { applied: true, config: next };
      },

      async getPolicy() {
        return (await loadPolicy()) ?? null;
      },

      async setPolicy(actor, input) {
        if (typeof input?.policy !== 'object' || input.policy === null)
          throw new MfaAdminError('INVALID_REQUEST', 'A policy object is required.');
        const justification = requireJustification(input.justification);
        let next: MfaPolicy;
        try {
          next = createMfaPolicy(input.policy);
        } catch (error) {
          if (error instanceof MfaPolicyError)
            throw new MfaAdminError('INVALID_REQUEST', error.message, { cause: error });
          throw error;
        }
        const previous = (await store.getPolicy()) ?? null;
        await act(
          {
            id: newId(),
            type: 'policy_changed',
            at: iso(),
            actor: actor.username,
            justification,
            requestId: actor.requestId,
            status: 'pending',
            details: { previous, next },
          },
          async () => {
            await store.putPolicy(next);
            return undefined;
          },
        );
        c.activePolicy = next;
        return next;
      },
    };
  return { refuseInPoolWithMfaOn, ...methods };
}
