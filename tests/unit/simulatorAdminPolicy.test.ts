import { describe, expect, it } from 'vitest';
import { MfaAdminError } from '../../src/core/adminErrors';
import { createCognitoSimulator } from '../../src/testing';

const password = 'Passw0rd!';
const justification = 'Seed 001 rollout: admins TOTP only, 7 days of grace';
const DAY = 24 * 3_600_000;
const START = Date.UTC(2026, 10, 23, 10, 0, 0);

function simulator() {
  return createCognitoSimulator({
    users: [
      { username: 'root', password, groups: ['admin'] },
      // An admin whose only factor is SMS: the seed's policy does not accept it for admins.
      {
        username: 'ops',
        password,
        groups: ['super_admin'],
        phoneNumber: '+15555550100',
        enabled: ['SMS'],
        createdAt: START - 10 * DAY,
      },
      { username: 'agent', password, groups: ['itsm_agent'] },
      { username: 'mgr', password, groups: ['itsm_manager'], createdAt: START - 2 * DAY },
    ],
    now: () => START,
  });
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (error instanceof MfaAdminError ? error.code : String(error)),
  );

const policyInput = {
  requiredRoles: ['super_admin', 'itsm_manager'],
  optionalRoles: ['itsm_agent'],
  gracePeriodDays: 7,
  enforcementAction: 'redirect_to_setup' as const,
  policyStart: START - 30 * DAY,
};

describe('admin enforcement policy (getPolicy / setPolicy)', () => {
  it('is unset at first; setting it is audited and changes how compliance is judged', async () => {
    const sim = simulator();
    await sim.client.signIn({ username: 'root', password });
    expect(await sim.admin.getPolicy()).toBeNull();
    const before = Object.fromEntries(
      (await sim.admin.listUsers()).items.map((row) => [row.username, row.compliance]),
    );
    // Without a policy, compliance is "has MFA at all".
    expect(before).toMatchObject({ ops: 'compliant', agent: 'non_compliant', mgr: 'non_compliant' });

    const policy = await sim.admin.setPolicy({ policy: policyInput, justification });
    expect(policy.requiredRoles).toEqual(['super_admin', 'itsm_manager']);
    expect(await sim.admin.getPolicy()).toEqual(policy);

    const rows = Object.fromEntries((await sim.admin.listUsers()).items.map((row) => [row.username, row]));
    expect(rows.ops?.compliance).toBe('non_compliant'); // SMS does not count for an admin role, grace is over
    expect(rows.agent?.compliance).toBe('compliant'); // MFA optional for the role
    expect(rows.mgr?.compliance).toBe('in_grace'); // created two days ago: five days left
    expect(rows.mgr?.graceUntil).toBe(new Date(START + 5 * DAY).toISOString());

    const { items } = await sim.admin.getAuditLog({ type: 'policy_changed' });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ actor: 'root', justification, status: 'done' });
    expect(items[0]?.details).toMatchObject({ previous: null, next: policy });
  });

  it('refuses an invalid policy with the reasons, a missing justification, and non-admins', async () => {
    const sim = simulator();
    await sim.client.signIn({ username: 'root', password });
    const invalid = sim.admin.setPolicy({
      policy: { ...policyInput, gracePeriodDays: 30, allowedMethods: { super_admin: ['SMS'] } },
      justification,
    });
    await expect(invalid).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
      message: expect.stringMatching(/7 days|TOTP/),
    });
    expect(await codeOf(sim.admin.setPolicy({ policy: policyInput, justification: 'short' }))).toBe(
      'JUSTIFICATION_REQUIRED',
    );
    expect(await sim.admin.getPolicy()).toBeNull();
    expect((await sim.admin.getAuditLog({ type: 'policy_changed' })).items).toEqual([]);

    await sim.client.signOut();
    await sim.client.signIn({ username: 'agent', password });
    expect(await codeOf(sim.admin.getPolicy())).toBe('FORBIDDEN');
    expect(await codeOf(sim.admin.setPolicy({ policy: policyInput, justification }))).toBe('FORBIDDEN');
  });
});
