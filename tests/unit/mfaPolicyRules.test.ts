import {
  createMfaPolicy,
  daysUntil,
  evaluateMfaCompliance,
  type MfaPolicyInput,
  mfaPolicyFromJson,
  mfaRequirementFor,
} from 'mfa-kit/core';
import { describe, expect, it } from 'vitest';

/**
 * Issue 21: the enforcement policy's rules, stated exactly — every problem createMfaPolicy reports
 * (with its wording, since admins read it), how groups combine, and the compliance verdict's edges.
 */
const DAY = 86_400_000;
const START = Date.UTC(2026, 4, 1);

const issuesOf = (input: unknown): readonly string[] => {
  try {
    createMfaPolicy(input as MfaPolicyInput);
  } catch (error) {
    expect((error as Error).name).toBe('MfaPolicyError');
    expect((error as Error).message).toBe(
      `Invalid MFA policy: ${(error as { issues: string[] }).issues.join(' ')}`,
    );
    return (error as { issues: string[] }).issues;
  }
  return [];
};

describe('createMfaPolicy: every problem, in words', () => {
  it('refuses what is not an object', () => {
    for (const input of [null, undefined, 'strict', 7]) {
      expect(issuesOf(input), String(input)).toEqual(['The policy must be an object.']);
    }
  });

  it('reports role lists that are not lists, and empty or padded names', () => {
    expect(issuesOf({ requiredRoles: 'finance', policyStart: START })).toEqual([
      'requiredRoles must be an array of group names.',
    ]);
    expect(issuesOf({ optionalRoles: ['', ' staff', 'ok', 3], policyStart: START })).toEqual([
      'optionalRoles has an empty or padded group name ("").',
      'optionalRoles has an empty or padded group name (" staff").',
      'optionalRoles has an empty or padded group name (3).',
    ]);
    expect(issuesOf({ requiredRoles: ['a', 'b'], optionalRoles: ['b', 'a'], policyStart: START })).toEqual([
      'Roles cannot be both required and optional: a, b.',
    ]);
    expect(issuesOf({ requiredRoles: ['x'], adminRoles: ['root', 'ops'], policyStart: START })).toEqual([
      'Admin roles must be in requiredRoles: root, ops.',
    ]);
    expect(issuesOf({ adminRoles: 'root', policyStart: START })).toEqual([
      'adminRoles must be an array of group names.',
    ]);
  });

  it('reports a grace period out of range, and more than 7 days with admin roles', () => {
    for (const days of [-1, 91, 1.5, '7']) {
      expect(issuesOf({ gracePeriodDays: days, policyStart: START }), String(days)).toEqual([
        'gracePeriodDays must be a whole number from 0 to 90.',
      ]);
    }
    expect(issuesOf({ gracePeriodDays: 90, policyStart: START })).toEqual([]);
    expect(issuesOf({ gracePeriodDays: 0, policyStart: START })).toEqual([]);
    expect(
      issuesOf({ requiredRoles: ['cloud_admin', 'it-admin'], gracePeriodDays: 8, policyStart: START }),
    ).toEqual([
      'gracePeriodDays is 8, but admin roles (cloud_admin, it-admin) may have at most 7 days: an admin account without MFA can compromise the whole tenant.',
    ]);
    expect(issuesOf({ requiredRoles: ['cloud_admin'], gracePeriodDays: 7, policyStart: START })).toEqual([]);
    expect(issuesOf({ requiredRoles: ['finance'], gracePeriodDays: 30, policyStart: START })).toEqual([]);
  });

  it('reports an unknown action, bad method lists and a non-TOTP admin', () => {
    expect(issuesOf({ enforcementAction: 'shame', policyStart: START })).toEqual([
      "enforcementAction must be 'redirect_to_setup' or 'block'.",
    ]);
    expect(issuesOf({ defaultAllowedMethods: [], policyStart: START })).toEqual([
      'defaultAllowedMethods must list at least one of TOTP, SMS, EMAIL.',
    ]);
    expect(issuesOf({ defaultAllowedMethods: 'TOTP', policyStart: START })).toEqual([
      'defaultAllowedMethods must list at least one of TOTP, SMS, EMAIL.',
    ]);
    expect(issuesOf({ allowedMethods: { finance: ['TOTP', 'FAX', 'PIGEON'] }, policyStart: START })).toEqual([
      'allowedMethods.finance has unknown methods: "FAX", "PIGEON".',
    ]);
    for (const given of [['TOTP'], 'TOTP']) {
      expect(issuesOf({ allowedMethods: given, policyStart: START }), JSON.stringify(given)).toEqual([
        'allowedMethods must map role names to method lists.',
      ]);
    }
    expect(
      issuesOf({
        requiredRoles: ['root'],
        adminRoles: ['root'],
        allowedMethods: { root: ['TOTP', 'SMS', 'EMAIL'] },
        policyStart: START,
      }),
    ).toEqual([
      'Admin role root may only use TOTP (authenticator app); SMS, EMAIL is acceptable for non-admin users only.',
    ]);
    expect(issuesOf({ policyStart: '2026-05-01T09:00:00' })).toEqual([
      'policyStart must be a Date, epoch milliseconds, or ISO 8601 with Z or an offset (a bare date means midnight UTC).',
    ]);
  });

  it('normalises what it accepts: canonical method order, defaults per role, frozen', () => {
    const policy = createMfaPolicy({
      requiredRoles: ['finance', 'super_admin', 'finance'],
      optionalRoles: ['staff'],
      allowedMethods: { finance: ['EMAIL', 'TOTP', 'EMAIL'], contractors: ['SMS'] },
      defaultAllowedMethods: ['SMS', 'TOTP'],
      policyStart: ' 2026-05-01 ',
    });
    expect(policy.requiredRoles).toEqual(['finance', 'super_admin']);
    expect(policy.adminRoles).toEqual(['super_admin']);
    expect(policy.allowedMethods).toEqual({
      finance: ['TOTP', 'EMAIL'],
      contractors: ['SMS'],
      super_admin: ['TOTP'],
      staff: ['TOTP', 'SMS'],
    });
    expect(policy.defaultAllowedMethods).toEqual(['TOTP', 'SMS']);
    expect(policy.policyStart).toBe(START);
    expect(policy.gracePeriodDays).toBe(7);
    expect(policy.enforcementAction).toBe('redirect_to_setup');
    expect(Object.isFrozen(policy)).toBe(true);
    expect(Object.isFrozen(policy.allowedMethods)).toBe(true);
    expect(Object.isFrozen(policy.allowedMethods.finance)).toBe(true);
    expect(createMfaPolicy({ policyStart: new Date(START) }).policyStart).toBe(START);
    expect(createMfaPolicy({ policyStart: '2026-05-01T02:00:00+02:00' }).policyStart).toBe(START);
    expect(createMfaPolicy({ policyStart: START }).defaultAllowedMethods).toEqual(['TOTP', 'SMS', 'EMAIL']);
  });

  it('reads the JSON form, bare or under mfa_enforcement', () => {
    const json = {
      required_roles: ['finance'],
      optional_roles: ['staff'],
      admin_roles: [],
      grace_period_days: 3,
      enforcement_action: 'block',
      allowed_methods: { finance: ['TOTP'] },
      default_allowed_methods: ['EMAIL'],
      policy_start: '2026-05-01',
    };
    const policy = mfaPolicyFromJson({ mfa_enforcement: json });
    expect(policy).toMatchObject({
      requiredRoles: ['finance'],
      optionalRoles: ['staff'],
      adminRoles: [],
      gracePeriodDays: 3,
      enforcementAction: 'block',
      defaultAllowedMethods: ['EMAIL'],
      policyStart: START,
    });
    expect(policy.allowedMethods).toEqual({ finance: ['TOTP'], staff: ['EMAIL'] });
    expect(mfaPolicyFromJson(json)).toEqual(policy);
    expect(() => mfaPolicyFromJson({ mfa_enforcement: 'on' })).toThrow(
      'Invalid MFA policy: The policy must be an object.',
    );
    expect(() => mfaPolicyFromJson(null)).toThrow(/policyStart must be/);
  });
});

describe('mfaRequirementFor: how groups combine', () => {
  const policy = createMfaPolicy({
    requiredRoles: ['finance', 'it_admin'],
    optionalRoles: ['staff'],
    allowedMethods: { finance: ['TOTP', 'SMS'], staff: ['SMS', 'EMAIL'], contractors: ['EMAIL'] },
    defaultAllowedMethods: ['TOTP', 'EMAIL'],
    policyStart: START,
  });

  it('an unnamed or no group: not required, the default methods', () => {
    for (const groups of [[], ['visitors'], ['visitors', 'visitors']]) {
      expect(mfaRequirementFor(policy, groups)).toEqual({
        required: false,
        admin: false,
        allowedMethods: ['TOTP', 'EMAIL'],
      });
    }
  });

  it('every named group must accept a method; unnamed groups do not narrow it', () => {
    expect(mfaRequirementFor(policy, ['finance', 'visitors'])).toEqual({
      required: true,
      admin: false,
      allowedMethods: ['TOTP', 'SMS'],
    });
    expect(mfaRequirementFor(policy, ['finance', 'staff'])).toEqual({
      required: true,
      admin: false,
      allowedMethods: ['SMS'],
    });
    expect(mfaRequirementFor(policy, ['staff'])).toEqual({
      required: false,
      admin: false,
      allowedMethods: ['SMS', 'EMAIL'],
    });
    // A role named only in allowedMethods still counts.
    expect(mfaRequirementFor(policy, ['staff', 'contractors']).allowedMethods).toEqual(['EMAIL']);
  });

  it('with no method in common, the highest role decides: admin, then required, then optional', () => {
    expect(mfaRequirementFor(policy, ['contractors', 'it_admin'])).toEqual({
      required: true,
      admin: true,
      allowedMethods: ['TOTP'],
    });
    expect(mfaRequirementFor(policy, ['contractors', 'finance'])).toEqual({
      required: true,
      admin: false,
      allowedMethods: ['TOTP', 'SMS'],
    });
    expect(mfaRequirementFor(policy, ['finance', 'contractors'])).toEqual(
      mfaRequirementFor(policy, ['contractors', 'finance']),
    );
    const optional = createMfaPolicy({
      optionalRoles: ['a', 'b'],
      allowedMethods: { b: ['SMS'], a: ['EMAIL'] },
      policyStart: START,
    });
    // Equal rank: the first by name.
    expect(mfaRequirementFor(optional, ['b', 'a']).allowedMethods).toEqual(['EMAIL']);
  });
});

describe('evaluateMfaCompliance: the verdict', () => {
  const policy = createMfaPolicy({
    requiredRoles: ['finance', 'it_admin'],
    gracePeriodDays: 7,
    enforcementAction: 'block',
    policyStart: START,
  });

  it('not required: compliant and allowed, never "method not allowed"', () => {
    expect(evaluateMfaCompliance(policy, { groups: [], enabledMethods: ['SMS'], now: START })).toMatchObject({
      status: 'not_required',
      compliant: true,
      allowed: true,
      required: false,
      methodNotAllowed: false,
    });
  });

  it('an accepted method: compliant; only other methods: flagged', () => {
    expect(
      evaluateMfaCompliance(policy, { groups: ['finance'], enabledMethods: ['SMS'], now: START }),
    ).toMatchObject({
      status: 'compliant',
      compliant: true,
      allowed: true,
      acceptedMethods: ['SMS'],
      methodNotAllowed: false,
    });
    const admin = evaluateMfaCompliance(policy, {
      groups: ['it_admin'],
      enabledMethods: ['SMS'],
      now: START,
    });
    expect(admin).toMatchObject({ status: 'grace', compliant: false, admin: true, methodNotAllowed: true });
    expect(
      evaluateMfaCompliance(policy, { groups: ['it_admin'], enabledMethods: [], now: START })
        .methodNotAllowed,
    ).toBe(false);
  });

  it('grace runs from the later of creation and policy start, or from a deadline given, to the millisecond', () => {
    const created = START + 2 * DAY;
    const graceUntil = created + 7 * DAY;
    expect(
      evaluateMfaCompliance(policy, {
        groups: ['finance'],
        enabledMethods: [],
        userCreatedAt: created,
        now: graceUntil - 1,
      }),
    ).toMatchObject({ status: 'grace', allowed: true, graceUntil, daysLeft: 1 });
    expect(
      evaluateMfaCompliance(policy, {
        groups: ['finance'],
        enabledMethods: [],
        userCreatedAt: created,
        now: graceUntil,
      }),
    ).toMatchObject({ status: 'past_grace', allowed: false, graceUntil, daysLeft: 0, action: 'block' });
    expect(
      evaluateMfaCompliance(policy, {
        groups: ['finance'],
        enabledMethods: [],
        userCreatedAt: START - 30 * DAY,
        now: START,
      }),
    ).toMatchObject({ graceUntil: START + 7 * DAY });
    expect(
      evaluateMfaCompliance(policy, { groups: ['finance'], enabledMethods: [], now: START }),
    ).toMatchObject({
      graceUntil: START + 7 * DAY,
    });
    const given = START + DAY;
    expect(
      evaluateMfaCompliance(policy, {
        groups: ['finance'],
        enabledMethods: [],
        userCreatedAt: created,
        graceUntil: given,
        now: START,
      }),
    ).toMatchObject({ status: 'grace', graceUntil: given, daysLeft: 1 });
    expect(
      evaluateMfaCompliance(policy, {
        groups: ['finance'],
        enabledMethods: [],
        userCreatedAt: created,
        graceUntil: Number.NaN,
        now: START,
      }).graceUntil,
    ).toBe(graceUntil);
  });

  it('daysUntil rounds up whole days and is 0 once the deadline is reached', () => {
    expect(daysUntil(START + DAY, START)).toBe(1);
    expect(daysUntil(START + DAY + 1, START)).toBe(2);
    expect(daysUntil(START + 1, START)).toBe(1);
    expect(daysUntil(START, START)).toBe(0);
    expect(daysUntil(START - DAY, START)).toBe(0);
  });
});
