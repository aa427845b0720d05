// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  createMfaAdminService,
  createRecoveryService,
  memoryAdminStore,
  memoryStore,
  type RecoveryAuditEvent,
  recordRecoveryInAdminStore,
} from '../../src/server';
import { simulatedAdminPool } from '../../src/testing/admin';
import { createOutbox } from '../../src/testing/outbox';
import { storedUserFromSeed } from '../../src/testing/pool';
import type { SimulatorState } from '../../src/testing/state';

describe('recordRecoveryInAdminStore', () => {
  it('files mfa_recovery_used in the admin audit log and refreshes the index entry', async () => {
    const state: SimulatorState = {
      mfaConfiguration: 'OPTIONAL',
      mfaMethods: ['TOTP'],
      rememberedDevices: 'USER_OPT_IN',
      users: {
        alice: storedUserFromSeed(
          {
            username: 'alice',
            password: 'Passw0rd!',
            totpSecret: 'JBSWY3DPEHPK3PXP',
            preferred: 'TOTP',
          },
          Date.now(),
        ),
      },
      session: null,
      pendingSignIn: null,
      deviceKeys: {},
    };
    const pool = simulatedAdminPool({ state, outbox: createOutbox(), now: Date.now, commit: () => {} });
    const store = memoryAdminStore();
    const admin = createMfaAdminService({ pool, store, statusIndex: true });
    await admin.backfillStatusIndex({ ratePerSecond: 1000 });
    expect((await admin.listUsers()).items[0]).toMatchObject({ username: 'alice', compliance: 'compliant' });

    const recoveryEvents: RecoveryAuditEvent[] = [];
    const recovery = createRecoveryService({
      store: memoryStore(),
      pepper: 'test-pepper-of-at-least-thirty-two-characters',
      identity: {
        verifyPassword: async (username, password) =>
          username === 'alice' && password === 'Passw0rd!' ? 'alice' : undefined,
        // What cognitoIdentity does: AdminSetUserMFAPreference with TOTP off.
        resetMfa: (username) => pool.setUserMfa(username, { methods: [] }, { methods: ['TOTP'] }),
      },
      audit: recordRecoveryInAdminStore({
        store,
        admin,
        next: (event) => {
          recoveryEvents.push(event);
        },
      }),
    });
    const { codes } = await recovery.generate('alice');
    expect(await recovery.redeem({ username: 'alice', password: 'Passw0rd!', code: codes[0] ?? '' })).toEqual(
      {
        ok: true,
        remaining: 9,
      },
    );

    expect(recoveryEvents.map((event) => event.type)).toEqual([
      'mfa_recovery_codes_generated',
      'mfa_recovery_used',
    ]);
    expect((await store.queryEvents({ type: 'mfa_recovery_used' })).items).toMatchObject([
      { actor: 'alice', target: 'alice', status: 'done', details: { remaining: 9 } },
    ]);
    // The index shows the reset without a backfill.
    expect((await admin.listUsers()).items[0]).toMatchObject({
      username: 'alice',
      methods: [],
      compliance: 'non_compliant',
    });
  });
});
