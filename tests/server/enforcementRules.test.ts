// @vitest-environment node
import { createMfaPolicy } from 'mfa-kit/core';
import { describe, expect, it, vi } from 'vitest';
import {
  adminGetUserLookup,
  MfaEnforcementError,
  type MfaUserRecord,
  mfaPreTokenGeneration,
  type PreTokenGenerationEvent,
  requireMfaCompliance,
} from '../../src/server';

/**
 * Issue 21: the enforcement trigger and the API-side claim check without an emulator — a user lookup
 * passed in (or a recording `send`), Cognito's documented V1/V2 event shapes, and a fixed clock.
 * preTokenGeneration.test.ts runs the same trigger against cognito-local.
 */
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 23, 12);
const policy = createMfaPolicy({
  requiredRoles: ['finance', 'cloud_admin'],
  optionalRoles: ['staff'],
  gracePeriodDays: 7,
  enforcementAction: 'block',
  allowedMethods: { finance: ['TOTP', 'SMS'] },
  policyStart: NOW - 30 * DAY,
});

function event(
  version: string,
  groups: string[] | null | undefined,
  response: PreTokenGenerationEvent['response'] = {},
): PreTokenGenerationEvent {
  return {
    version,
    triggerSource: 'TokenGeneration_Authentication',
    userPoolId: 'eu-west-1_Pool',
    userName: 'alice',
    request: {
      userAttributes: {},
      ...(groups === undefined ? {} : { groupConfiguration: { groupsToOverride: groups } }),
    },
    response,
  };
}

const user = (record: Partial<MfaUserRecord> = {}): MfaUserRecord => ({
  enabledMethods: [],
  createdAt: NOW - 2 * DAY,
  ...record,
});

describe('mfaPreTokenGeneration', () => {
  it('needs a Cognito client or a lookup, and says so when a required user must be looked up', async () => {
    const trigger = mfaPreTokenGeneration({ policy, now: () => NOW });
    await expect(trigger(event('2', ['finance']))).rejects.toThrow(
      'mfaPreTokenGeneration needs `cognito` (for AdminGetUser) or `lookupUser`.',
    );
    // A user no rule requires costs no lookup, so no client is needed for them.
    const out = await trigger(event('1', ['staff']));
    expect(out.response.claimsOverrideDetails?.claimsToAddOrOverride).toEqual({ mfa_compliant: 'true' });
  });

  it('looks up only users of required roles', async () => {
    const lookupUser = vi.fn(async () => user({ enabledMethods: ['TOTP'] }));
    const trigger = mfaPreTokenGeneration({ policy, lookupUser, now: () => NOW });
    await trigger(event('2', ['staff']));
    await trigger(event('2', []));
    await trigger(event('2', undefined));
    await trigger(event('2', null));
    expect(lookupUser).not.toHaveBeenCalled();
    const finance = event('2', ['staff', 'finance']);
    await trigger(finance);
    expect(lookupUser).toHaveBeenCalledWith(finance);
  });

  it('writes V1 claims as strings into the ID token, keeping claims already there', async () => {
    const trigger = mfaPreTokenGeneration({ policy, lookupUser: async () => user(), now: () => NOW });
    const out = await trigger(
      event('1', ['finance'], {
        claimsOverrideDetails: { claimsToAddOrOverride: { tenant: 'acme' }, claimsToSuppress: ['email'] },
      }),
    );
    expect(out.response.claimsOverrideDetails).toEqual({
      claimsToAddOrOverride: {
        tenant: 'acme',
        mfa_compliant: 'false',
        mfa_grace_until: String(Math.floor((NOW + 5 * DAY) / 1000)),
      },
      claimsToSuppress: ['email'],
    });
    expect(out.response.claimsAndScopeOverrideDetails).toBeUndefined();
    const fromNull = await trigger(event('1', ['staff'], { claimsOverrideDetails: null }));
    expect(fromNull.response.claimsOverrideDetails).toEqual({
      claimsToAddOrOverride: { mfa_compliant: 'true' },
    });
  });

  it('writes V2 claims as booleans and numbers into both tokens, keeping what was there', async () => {
    const trigger = mfaPreTokenGeneration({ policy, lookupUser: async () => user(), now: () => NOW });
    const out = await trigger(
      event('2', ['finance'], {
        claimsAndScopeOverrideDetails: {
          idTokenGeneration: { claimsToAddOrOverride: { tenant: 'acme' }, claimsToSuppress: ['email'] },
          accessTokenGeneration: { claimsToAddOrOverride: { plan: 'pro' }, scopesToAdd: ['api/read'] },
          groupOverrideDetails: { groupsToOverride: ['finance'] },
        },
      }),
    );
    const graceUntil = Math.floor((NOW + 5 * DAY) / 1000);
    expect(out.response.claimsAndScopeOverrideDetails).toEqual({
      idTokenGeneration: {
        claimsToAddOrOverride: { tenant: 'acme', mfa_compliant: false, mfa_grace_until: graceUntil },
        claimsToSuppress: ['email'],
      },
      accessTokenGeneration: {
        claimsToAddOrOverride: { plan: 'pro', mfa_compliant: false, mfa_grace_until: graceUntil },
        scopesToAdd: ['api/read'],
      },
      groupOverrideDetails: { groupsToOverride: ['finance'] },
    });
    for (const version of ['2', '3']) {
      const fresh = await trigger(event(version, ['staff'], { claimsAndScopeOverrideDetails: null }));
      expect(fresh.response.claimsAndScopeOverrideDetails).toEqual({
        idTokenGeneration: { claimsToAddOrOverride: { mfa_compliant: true } },
        accessTokenGeneration: { claimsToAddOrOverride: { mfa_compliant: true } },
      });
    }
  });

  it('marks a required user with an accepted method compliant, one with only another method not', async () => {
    const trigger = (methods: MfaUserRecord['enabledMethods']) =>
      mfaPreTokenGeneration({
        policy,
        lookupUser: async () => user({ enabledMethods: methods }),
        now: () => NOW,
      })(event('1', ['finance']));
    expect((await trigger(['SMS'])).response.claimsOverrideDetails?.claimsToAddOrOverride).toEqual({
      mfa_compliant: 'true',
    });
    expect(
      (await trigger(['EMAIL'])).response.claimsOverrideDetails?.claimsToAddOrOverride?.mfa_compliant,
    ).toBe('false');
  });

  it('refuses tokens to a required user past grace only when asked to and the policy blocks', async () => {
    const lookupUser = async () => user({ createdAt: NOW - 40 * DAY });
    const deny = mfaPreTokenGeneration({ policy, lookupUser, denyTokensPastGrace: true, now: () => NOW });
    await expect(deny(event('2', ['finance']))).rejects.toThrow(MfaEnforcementError);
    await expect(deny(event('2', ['finance']))).rejects.toThrow(
      'MFA is required for your role. Contact your administrator.',
    );
    const error = await deny(event('2', ['finance'])).catch((caught: unknown) => caught);
    expect((error as Error).name).toBe('MfaEnforcementError');
    // In grace: tokens are issued even with denyTokensPastGrace.
    const inGrace = mfaPreTokenGeneration({
      policy,
      lookupUser: async () => user(),
      denyTokensPastGrace: true,
      now: () => NOW,
    });
    await expect(inGrace(event('2', ['finance']))).resolves.toBeDefined();
    // Without denyTokensPastGrace: tokens say mfa_compliant false, with the past deadline.
    const mark = mfaPreTokenGeneration({ policy, lookupUser, now: () => NOW });
    const out = await mark(event('1', ['finance']));
    expect(out.response.claimsOverrideDetails?.claimsToAddOrOverride?.mfa_compliant).toBe('false');
    // A policy that only redirects never refuses tokens.
    const redirect = createMfaPolicy({ requiredRoles: ['finance'], policyStart: NOW - 30 * DAY });
    const soft = mfaPreTokenGeneration({
      policy: redirect,
      lookupUser,
      denyTokensPastGrace: true,
      now: () => NOW,
    });
    await expect(soft(event('2', ['finance']))).resolves.toBeDefined();
  });

  it('lets machine-to-machine (client credentials) events through untouched, without a lookup', async () => {
    const lookupUser = vi.fn(async () => user());
    const trigger = mfaPreTokenGeneration({ policy, lookupUser, denyTokensPastGrace: true, now: () => NOW });
    const m2m = { ...event('3', ['finance']), triggerSource: 'TokenGeneration_ClientCredentials' };
    const before = structuredClone(m2m);
    expect(await trigger(m2m)).toEqual(before);
    expect(lookupUser).not.toHaveBeenCalled();
  });

  it('reports each decision, and fails (no tokens) when the lookup fails', async () => {
    const onDecision = vi.fn();
    const trigger = mfaPreTokenGeneration({
      policy,
      lookupUser: async () => user(),
      onDecision,
      now: () => NOW,
    });
    await trigger({ ...event('2', ['finance']), triggerSource: 'TokenGeneration_RefreshTokens' });
    expect(onDecision).toHaveBeenCalledWith({
      username: 'alice',
      triggerSource: 'TokenGeneration_RefreshTokens',
      compliance: expect.objectContaining({ status: 'grace', graceUntil: NOW + 5 * DAY }),
    });
    const failing = mfaPreTokenGeneration({
      policy,
      lookupUser: async () => {
        throw new Error('AdminGetUser throttled');
      },
    });
    await expect(failing(event('2', ['finance']))).rejects.toThrow('AdminGetUser throttled');
  });

  it('judges at the time of the clock it is given, not the machine’s', async () => {
    const later = NOW + 400 * DAY;
    const trigger = mfaPreTokenGeneration({
      policy,
      lookupUser: async () => user({ createdAt: later - DAY }),
      denyTokensPastGrace: true,
      now: () => later,
    });
    const out = await trigger(event('1', ['finance']));
    expect(out.response.claimsOverrideDetails?.claimsToAddOrOverride?.mfa_compliant).toBe('false');
    const past = mfaPreTokenGeneration({
      policy,
      lookupUser: async () => user({ createdAt: Date.now() }),
      denyTokensPastGrace: true,
      now: () => Date.now() + 30 * DAY,
    });
    await expect(past(event('2', ['finance']))).rejects.toThrow(MfaEnforcementError);
  });

  it('uses the clock it is given, and Date.now without one', async () => {
    const trigger = mfaPreTokenGeneration({
      policy,
      lookupUser: async () => user({ createdAt: Date.now() }),
    });
    const out = await trigger(event('2', ['finance']));
    const claims = out.response.claimsAndScopeOverrideDetails?.idTokenGeneration?.claimsToAddOrOverride;
    expect(claims?.mfa_grace_until).toBeGreaterThan(Math.floor((Date.now() + 6 * DAY) / 1000));
  });
});

describe('adminGetUserLookup', () => {
  it('reads the creation date and maps every MFA setting Cognito names, ignoring unknown ones', async () => {
    const send = vi.fn(async (_command: { input: unknown }) => ({
      UserCreateDate: new Date(NOW - 3 * DAY),
      UserMFASettingList: ['SOFTWARE_TOKEN_MFA', 'SMS_MFA', 'EMAIL_OTP', 'WEBAUTHN'],
    }));
    const record = await adminGetUserLookup({ send } as never)(event('2', ['finance']));
    expect(record).toEqual({ createdAt: NOW - 3 * DAY, enabledMethods: ['TOTP', 'SMS', 'EMAIL'] });
    expect(send.mock.calls[0]?.[0].input).toEqual({ UserPoolId: 'eu-west-1_Pool', Username: 'alice' });
  });

  it('leaves the creation date out when Cognito gives none or an invalid one, and no settings as none', async () => {
    for (const UserCreateDate of [undefined, new Date(Number.NaN)]) {
      const send = vi.fn(async () => ({ UserCreateDate }));
      expect(await adminGetUserLookup({ send } as never)(event('2', []))).toEqual({
        createdAt: undefined,
        enabledMethods: [],
      });
    }
  });

  it('is what the trigger uses when given a Cognito client', async () => {
    const send = vi.fn(async () => ({
      UserCreateDate: new Date(NOW),
      UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
    }));
    const trigger = mfaPreTokenGeneration({ policy, cognito: { send } as never, now: () => NOW });
    const out = await trigger(event('1', ['finance']));
    expect(out.response.claimsOverrideDetails?.claimsToAddOrOverride).toEqual({ mfa_compliant: 'true' });
    expect(send).toHaveBeenCalledTimes(1);
  });
});

describe('requireMfaCompliance', () => {
  const at = (now: number) => ({ now: () => now });
  const graceSeconds = Math.floor((NOW + 2 * DAY) / 1000);

  it('passes compliant tokens, V1 strings and V2 booleans alike', () => {
    expect(requireMfaCompliance({ mfa_compliant: true }, at(NOW))).toEqual({ ok: true, status: 'compliant' });
    expect(requireMfaCompliance({ mfa_compliant: 'true' }, at(NOW))).toEqual({
      ok: true,
      status: 'compliant',
    });
  });

  it('passes a user in grace with the deadline and days left, from numbers or digit strings', () => {
    const expected = { ok: true, status: 'grace', graceUntil: graceSeconds * 1000, daysLeft: 2 };
    expect(requireMfaCompliance({ mfa_compliant: false, mfa_grace_until: graceSeconds }, at(NOW))).toEqual(
      expected,
    );
    expect(
      requireMfaCompliance({ mfa_compliant: 'false', mfa_grace_until: String(graceSeconds) }, at(NOW)),
    ).toEqual(expected);
  });

  it('refuses a user past grace with a 403 naming the deadline, from the moment it passes', async () => {
    const check = requireMfaCompliance(
      { mfa_compliant: false, mfa_grace_until: graceSeconds },
      at(graceSeconds * 1000),
    );
    expect(check).toMatchObject({ ok: false, status: 'past_grace', graceUntil: graceSeconds * 1000 });
    if (check.ok) throw new Error('expected a refusal');
    const response = check.response();
    expect(response.status).toBe(403);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      error: 'mfa_required',
      reason: 'mfa_grace_period_over',
      grace_until: new Date(graceSeconds * 1000).toISOString(),
    });
    expect(
      requireMfaCompliance(
        { mfa_compliant: false, mfa_grace_until: graceSeconds },
        at(graceSeconds * 1000 - 1),
      ).ok,
    ).toBe(true);
  });

  it('fails closed: a non-compliant token without a readable deadline is past grace, without a date', async () => {
    for (const deadline of [
      undefined,
      'soon',
      '12.5',
      Number.POSITIVE_INFINITY,
      Number.NaN,
      '1234567890123',
    ]) {
      const check = requireMfaCompliance({ mfa_compliant: false, mfa_grace_until: deadline }, at(NOW));
      expect(check.ok, String(deadline)).toBe(false);
      expect(check.status).toBe('past_grace');
      expect(check).not.toHaveProperty('graceUntil');
      if (!check.ok) {
        expect(await check.response().json()).toEqual({
          error: 'mfa_required',
          reason: 'mfa_grace_period_over',
        });
      }
    }
  });

  it('refuses a token without readable claims unless told to allow them', async () => {
    for (const payload of [{}, { mfa_compliant: 'yes' }, { mfa_compliant: 1 }, { mfa_compliant: null }]) {
      const check = requireMfaCompliance(payload, at(NOW));
      expect(check).toMatchObject({ ok: false, status: 'missing' });
      expect(check).not.toHaveProperty('graceUntil');
      if (!check.ok) {
        expect(await check.response().json()).toEqual({
          error: 'mfa_required',
          reason: 'mfa_claims_missing',
        });
      }
      expect(requireMfaCompliance(payload, { ...at(NOW), allowMissingClaims: true })).toEqual({
        ok: true,
        status: 'missing',
      });
    }
    // allowMissingClaims never lets a past-grace user through.
    expect(requireMfaCompliance({ mfa_compliant: false }, { ...at(NOW), allowMissingClaims: true }).ok).toBe(
      false,
    );
  });

  it('uses Date.now without a clock', () => {
    const past = Math.floor((Date.now() - 1_000) / 1000);
    expect(requireMfaCompliance({ mfa_compliant: false, mfa_grace_until: past }).status).toBe('past_grace');
    const future = Math.floor((Date.now() + 3 * DAY) / 1000);
    expect(requireMfaCompliance({ mfa_compliant: false, mfa_grace_until: future }).status).toBe('grace');
  });
});
