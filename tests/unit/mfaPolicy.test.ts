import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mfaClaimsAsStrings, mfaClaimsFor, mfaStatusFromClaims } from '../../src/core/mfaClaims';
import {
  createMfaPolicy,
  daysUntil,
  evaluateMfaCompliance,
  graceDeadline,
  type MfaPolicy,
  MfaPolicyError,
  mfaPolicyFromJson,
  mfaRequirementFor,
  parseInstant,
} from '../../src/core/mfaPolicy';
import type { MfaMethod } from '../../src/ports';

const runs = { numRuns: 1000 };
const DAY = 86_400_000;

/** The StackFlow seed's policy. */
const seed = {
  required_roles: ['super_admin', 'itsm_manager', 'cloud_admin', 'security_admin'],
  optional_roles: ['itsm_agent', 'viewer', 'developer'],
  grace_period_days: 7,
  enforcement_action: 'redirect_to_setup',
  policy_start: '2026-04-01',
};

const zones = [
  'UTC',
  'America/New_York',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'Europe/Berlin',
  'Europe/London',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Pacific/Kiritimati',
];

/** `instant` as a local ISO 8601 string in `zone`, with that zone's offset at that instant. */
function localIso(instant: number, zone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'longOffset',
    })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  const offset = parts.timeZoneName === 'GMT' ? '+00:00' : String(parts.timeZoneName).replace('GMT', '');
  const ms = String(instant % 1000).padStart(3, '0');
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}.${ms}${offset}`;
}

// 2000-01-01 … 2037-12-31, whole milliseconds.
const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2037, 11, 31) });
const zone = fc.constantFrom(...zones);
/** Instants within a day of the 2026 DST changes of several zones, where local days are 23 or 25 h long. */
const nearDst = fc
  .constantFrom(
    Date.UTC(2026, 2, 8, 7), // America/New_York springs forward
    Date.UTC(2026, 10, 1, 6), // … falls back
    Date.UTC(2026, 2, 29, 1), // Europe/Berlin, Europe/London
    Date.UTC(2026, 9, 25, 1),
    Date.UTC(2026, 3, 4, 16), // Australia/Sydney
    Date.UTC(2026, 9, 3, 16),
    Date.UTC(2026, 3, 4, 15), // Australia/Lord_Howe (30-minute shift)
  )
  .chain((change) => fc.integer({ min: change - DAY, max: change + DAY }));

const policyWith = (overrides: Partial<Parameters<typeof createMfaPolicy>[0]> = {}) =>
  createMfaPolicy({
    requiredRoles: ['super_admin', 'itsm_manager'],
    optionalRoles: ['itsm_agent', 'viewer'],
    policyStart: Date.UTC(2026, 3, 1),
    ...overrides,
  });

describe('createMfaPolicy', () => {
  it('builds the StackFlow seed policy with its defaults', () => {
    const policy = mfaPolicyFromJson({ mfa_enforcement: seed });
    expect(policy).toEqual({
      requiredRoles: seed.required_roles,
      optionalRoles: seed.optional_roles,
      adminRoles: ['super_admin', 'cloud_admin', 'security_admin'],
      gracePeriodDays: 7,
      enforcementAction: 'redirect_to_setup',
      allowedMethods: {
        super_admin: ['TOTP'],
        itsm_manager: ['TOTP', 'SMS', 'EMAIL'],
        cloud_admin: ['TOTP'],
        security_admin: ['TOTP'],
        itsm_agent: ['TOTP', 'SMS', 'EMAIL'],
        viewer: ['TOTP', 'SMS', 'EMAIL'],
        developer: ['TOTP', 'SMS', 'EMAIL'],
      },
      defaultAllowedMethods: ['TOTP', 'SMS', 'EMAIL'],
      policyStart: Date.UTC(2026, 3, 1),
    });
    expect(Object.isFrozen(policy.allowedMethods.super_admin)).toBe(true);
    expect(JSON.parse(JSON.stringify(policy))).toEqual(policy);
  });

  it('refuses more than 7 days of grace while an admin role is required (seed 001)', () => {
    expect(() => mfaPolicyFromJson({ ...seed, grace_period_days: 8 })).toThrow(/at most 7 days/);
    expect(() =>
      createMfaPolicy({ requiredRoles: ['itsm_manager'], gracePeriodDays: 30, policyStart: '2026-04-01' }),
    ).not.toThrow();
  });

  it('refuses SMS or email for an admin role (SMS is acceptable for non-admin users only)', () => {
    expect(() => policyWith({ allowedMethods: { super_admin: ['TOTP', 'SMS'] } })).toThrow(
      /super_admin may only use TOTP/,
    );
  });

  it('lists every problem at once', () => {
    try {
      createMfaPolicy({
        requiredRoles: ['ops', ' padded'],
        optionalRoles: ['ops'],
        adminRoles: ['root'],
        gracePeriodDays: 2.5,
        enforcementAction: 'lock' as never,
        allowedMethods: { ops: ['WEBAUTHN' as MfaMethod] },
        policyStart: '2026-04-01T09:00:00',
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MfaPolicyError);
      expect((error as MfaPolicyError).issues).toHaveLength(7);
    }
  });

  it('accepts every grace period from 0 to 7 days for admins and refuses 8 to 90 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 90 }), (days) => {
        const build = () => policyWith({ gracePeriodDays: days });
        if (days <= 7) expect(build().gracePeriodDays).toBe(days);
        else expect(build).toThrow(MfaPolicyError);
        // Without an admin role any of them is fine.
        expect(
          createMfaPolicy({ requiredRoles: ['ops'], gracePeriodDays: days, policyStart: 0 }).gracePeriodDays,
        ).toBe(days);
      }),
      { numRuns: 200 },
    );
  });
});

describe('parseInstant: the same instant written in any time zone', () => {
  it('reads an instant the same from its local form in any zone (property)', () => {
    fc.assert(
      fc.property(instant, zone, (at, tz) => {
        expect(parseInstant(localIso(at, tz))).toBe(at);
      }),
      runs,
    );
  });

  it('refuses a date-time without an offset: it would be a different instant in every zone', () => {
    expect(parseInstant('2026-04-01T09:00:00')).toBeUndefined();
    expect(parseInstant('2026-04-01')).toBe(Date.UTC(2026, 3, 1));
    expect(parseInstant('2026-04-01T09:00:00+05:45')).toBe(Date.UTC(2026, 3, 1, 3, 15));
    expect(parseInstant('yesterday')).toBeUndefined();
    expect(parseInstant(Number.NaN)).toBeUndefined();
  });
});

describe('grace arithmetic', () => {
  it('runs exactly gracePeriodDays × 24 h from the later of creation and policy start, DST or not (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(instant, nearDst),
        fc.oneof(instant, nearDst),
        fc.integer({ min: 0, max: 7 }),
        zone,
        (created, start, days, tz) => {
          const policy = policyWith({ gracePeriodDays: days, policyStart: localIso(start, tz) });
          const deadline = graceDeadline(policy, created);
          expect(deadline - Math.max(created, start)).toBe(days * DAY);
          expect(deadline).toBeGreaterThanOrEqual(created + days * DAY);
          expect(deadline).toBeGreaterThanOrEqual(start + days * DAY);
        },
      ),
      runs,
    );
  });

  it('gives the same answer whatever zone the policy start was written in (property)', () => {
    fc.assert(
      fc.property(
        instant,
        instant,
        fc.integer({ min: -10 * DAY, max: 10 * DAY }),
        zone,
        zone,
        (created, start, delta, a, b) => {
          const now = Math.max(created, start) + delta;
          const input = {
            groups: ['super_admin'],
            enabledMethods: [] as MfaMethod[],
            userCreatedAt: created,
            now,
          };
          const inA = evaluateMfaCompliance(policyWith({ policyStart: localIso(start, a) }), input);
          const inB = evaluateMfaCompliance(policyWith({ policyStart: localIso(start, b) }), input);
          expect(inA).toEqual(inB);
        },
      ),
      runs,
    );
  });

  it('counts days left from 7 down to 1, then past grace, never more than the period (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(instant, nearDst),
        fc.integer({ min: 0, max: 9 * DAY }),
        fc.integer({ min: 1, max: 7 }),
        (created, elapsed, days) => {
          const policy = policyWith({ gracePeriodDays: days, policyStart: 0 });
          const result = evaluateMfaCompliance(policy, {
            groups: ['itsm_manager'],
            enabledMethods: [],
            userCreatedAt: created,
            now: created + elapsed,
          });
          if (elapsed < days * DAY) {
            expect(result.status).toBe('grace');
            expect(result.daysLeft).toBe(days - Math.floor(elapsed / DAY));
            expect(result.daysLeft).toBeGreaterThanOrEqual(1);
            expect(result.daysLeft).toBeLessThanOrEqual(days);
            expect(result.allowed).toBe(true);
          } else {
            expect(result).toMatchObject({
              status: 'past_grace',
              daysLeft: 0,
              allowed: false,
              action: 'redirect_to_setup',
            });
          }
        },
      ),
      runs,
    );
  });

  it('days left only go down as time passes (property)', () => {
    fc.assert(
      fc.property(instant, instant, instant, (deadline, t1, t2) => {
        const [early, late] = t1 <= t2 ? [t1, t2] : [t2, t1];
        expect(daysUntil(deadline, early)).toBeGreaterThanOrEqual(daysUntil(deadline, late));
      }),
      runs,
    );
  });
});

describe('roles', () => {
  const policy: MfaPolicy = policyWith({
    requiredRoles: ['super_admin', 'itsm_manager', 'auditor'],
    optionalRoles: ['itsm_agent', 'viewer', 'texter'],
    allowedMethods: { auditor: ['TOTP', 'EMAIL'], texter: ['SMS'] },
  });
  const roles = [
    'super_admin',
    'itsm_manager',
    'auditor',
    'itsm_agent',
    'viewer',
    'texter',
    'guest',
    'other',
  ];
  const groupSets = fc.array(fc.constantFrom(...roles), { maxLength: 6 });

  it('required wins over optional, admin gives TOTP only, order and duplicates do not matter (property)', () => {
    fc.assert(
      fc.property(groupSets, (groups) => {
        const result = mfaRequirementFor(policy, groups);
        expect(result.required).toBe(groups.some((g) => policy.requiredRoles.includes(g)));
        expect(result.admin).toBe(groups.includes('super_admin'));
        if (result.admin) expect(result.allowedMethods).toEqual(['TOTP']);
        expect(result.allowedMethods.length).toBeGreaterThan(0);
        expect(mfaRequirementFor(policy, [...groups].reverse().concat(groups))).toEqual(result);
        // Groups the policy does not name change nothing.
        expect(mfaRequirementFor(policy, [...groups, 'guest', 'other'])).toEqual(result);
        // When the named roles share methods, exactly the shared ones count (the strictest role wins).
        const named = groups.filter((g) => policy.allowedMethods[g]);
        const shared = (['TOTP', 'SMS', 'EMAIL'] as const).filter((m) =>
          named.every((g) => policy.allowedMethods[g]?.includes(m)),
        );
        if (named.length > 0 && shared.length > 0) expect(result.allowedMethods).toEqual(shared);
        if (named.length === 0) expect(result.allowedMethods).toEqual(policy.defaultAllowedMethods);
      }),
      runs,
    );
  });

  it('with conflicting lists, the higher role decides: required auditor over optional texter', () => {
    expect(mfaRequirementFor(policy, ['texter', 'auditor']).allowedMethods).toEqual(['TOTP', 'EMAIL']);
  });

  it('is compliant exactly when required and an accepted method is on; an admin with SMS only is not (property)', () => {
    const methods = fc.subarray(['TOTP', 'SMS', 'EMAIL'] as MfaMethod[]);
    fc.assert(
      fc.property(groupSets, methods, instant, (groups, enabled, now) => {
        const result = evaluateMfaCompliance(policy, {
          groups,
          enabledMethods: enabled,
          now,
          userCreatedAt: now,
        });
        const requirement = mfaRequirementFor(policy, groups);
        const accepted = enabled.some((m) => requirement.allowedMethods.includes(m));
        expect(result.status).toBe(!requirement.required ? 'not_required' : accepted ? 'compliant' : 'grace');
        expect(result.methodNotAllowed).toBe(requirement.required && !accepted && enabled.length > 0);
      }),
      runs,
    );
    expect(
      evaluateMfaCompliance(policy, {
        groups: ['super_admin'],
        enabledMethods: ['SMS'],
        now: 0,
        userCreatedAt: 0,
      }),
    ).toMatchObject({ status: 'grace', methodNotAllowed: true, allowedMethods: ['TOTP'] });
  });
});

describe('claims the token carries', () => {
  it('say the same as the evaluation, in V2 (native) and V1 (string) form (property)', () => {
    const seconds = fc.integer({ min: 946_684_800, max: 2_145_916_800 }).map((s) => s * 1000);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('super_admin', 'viewer', 'itsm_manager'), { maxLength: 3 }),
        fc.subarray(['TOTP', 'SMS'] as MfaMethod[]),
        seconds,
        fc.integer({ min: -10, max: 10 }).map((d) => d * DAY),
        (groups, enabled, created, delta) => {
          const policy = policyWith({ policyStart: 0 });
          const now = created + delta;
          const evaluation = evaluateMfaCompliance(policy, {
            groups,
            enabledMethods: enabled,
            userCreatedAt: created,
            now,
          });
          const claims = mfaClaimsFor(evaluation);
          for (const payload of [claims as unknown as Record<string, unknown>, mfaClaimsAsStrings(claims)]) {
            const fromToken = mfaStatusFromClaims(payload, now);
            const expected = evaluation.status === 'not_required' ? 'compliant' : evaluation.status;
            expect(fromToken.status).toBe(expected);
            if (fromToken.status === 'grace') expect(fromToken.daysLeft).toBe(evaluation.daysLeft);
          }
        },
      ),
      runs,
    );
  });

  it('fail closed: no claims is missing, non-compliant without a deadline is past grace', () => {
    expect(mfaStatusFromClaims({}, 0)).toEqual({ status: 'missing' });
    expect(mfaStatusFromClaims({ mfa_compliant: 'yes' }, 0)).toEqual({ status: 'missing' });
    expect(mfaStatusFromClaims({ mfa_compliant: false }, 0)).toEqual({ status: 'past_grace' });
    expect(mfaStatusFromClaims({ mfa_compliant: 'false', mfa_grace_until: '1e9' }, 0)).toEqual({
      status: 'past_grace',
    });
  });
});
