// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMfaPolicy } from '../../src/core/mfaPolicy';
import type { MfaMethod } from '../../src/ports';
import { mfaPreTokenGeneration, type PreTokenGenerationEvent } from '../../src/server';
import { createCognitoSimulator } from '../../src/testing';

const PASSWORD = 'Passw0rd!';
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 20, 12);
const policy = createMfaPolicy({
  requiredRoles: ['super_admin', 'itsm_manager'],
  optionalRoles: ['viewer'],
  policyStart: '2026-11-01T00:00:00Z',
});

/**
 * The simulator's tokens (its Pre Token Generation stand-in) and the real trigger handler from
 * `mfa-kit/server` say the same for the same user and policy: stories and tests see what production
 * tokens will carry.
 */
describe('simulator tokens and mfaPreTokenGeneration agree', () => {
  it('for any groups, methods and account age (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.subarray(['super_admin', 'itsm_manager', 'viewer', 'guest']),
        fc.subarray(['TOTP', 'SMS', 'EMAIL'] as MfaMethod[]),
        fc.integer({ min: 0, max: 60 * DAY }),
        async (groups, enabled, age) => {
          const simulator = createCognitoSimulator({
            now: () => NOW,
            mfaPolicy: policy,
            users: [
              {
                username: 'alice',
                password: PASSWORD,
                email: 'alice@example.com',
                phoneNumber: '+15555550123',
                totpSecret: enabled.includes('TOTP') ? SECRET : undefined,
                enabled,
                preferred: enabled[0],
                groups,
                createdAt: NOW - age,
              },
            ],
          });
          const first = await simulator.client.signIn({ username: 'alice', password: PASSWORD });
          let step = first.nextStep;
          if (step.signInStep === 'CONFIRM_SIGN_IN_WITH_TOTP_CODE')
            step = (
              await simulator.client.confirmSignIn({
                challengeResponse: simulator.pool.totpCodeFor('alice') ?? '',
              })
            ).nextStep;
          else if (step.signInStep !== 'DONE')
            step = (
              await simulator.client.confirmSignIn({
                challengeResponse: simulator.outbox.latest({ username: 'alice' })?.code ?? '',
              })
            ).nextStep;
          expect(step.signInStep).toBe('DONE');
          const payload = (await simulator.client.fetchAuthSession()).tokens?.idToken?.payload ?? {};

          const snapshot = simulator.pool.getUser('alice');
          const handler = mfaPreTokenGeneration({
            policy,
            now: () => NOW,
            lookupUser: async () => ({
              createdAt: snapshot?.createdAt,
              enabledMethods: (['TOTP', 'SMS', 'EMAIL'] as const).filter((m) =>
                m === 'TOTP'
                  ? snapshot?.totpEnabled
                  : m === 'SMS'
                    ? snapshot?.smsEnabled
                    : snapshot?.emailEnabled,
              ),
            }),
          });
          const event: PreTokenGenerationEvent = {
            version: '2',
            triggerSource: 'TokenGeneration_Authentication',
            userPoolId: 'us-east-1_example',
            userName: 'alice',
            request: { userAttributes: {}, groupConfiguration: { groupsToOverride: groups } },
            response: { claimsAndScopeOverrideDetails: null },
          };
          const out = await handler(event);
          const claims =
            out.response.claimsAndScopeOverrideDetails?.idTokenGeneration?.claimsToAddOrOverride ?? {};
          expect({ mfa_compliant: payload.mfa_compliant, mfa_grace_until: payload.mfa_grace_until }).toEqual({
            mfa_compliant: claims.mfa_compliant,
            mfa_grace_until: claims.mfa_grace_until,
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
