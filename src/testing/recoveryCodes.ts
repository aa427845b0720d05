import type { RecoveryCodesAdapter } from '../ports.js';
import { memoryStore } from '../server/recovery/memoryStore.js';
import { createRecoveryService } from '../server/recovery/service.js';
import type { RecoveryCodeStore } from '../server/recovery/store.js';
import { errors } from './cognitoErrors.js';
import type { SimulatorRuntime } from './simulatedClient.js';
import { randomId } from './totp.js';

/**
 * Recovery codes against the simulator's pool, by the server's own rules (the same
 * `createRecoveryService` as `createMfaHandler`): password proof, single use, rate limits, and the
 * authenticator app deleted after a redeem, as AdminDeleteSoftwareToken does (in a pool with MFA ON
 * too: the next sign-in asks to set up a new one).
 */
const stores = new WeakMap<SimulatorRuntime, RecoveryCodeStore>();

/** The simulated backend's one recovery-code store (the admin reset invalidates codes in it too). */
export function simulatedRecoveryStore(runtime: SimulatorRuntime): RecoveryCodeStore {
  const { state } = runtime;
  state.recovery ??= {
    pepper: `${randomId()}${randomId()}${randomId()}`,
    data: { sets: {}, counters: {} },
    audit: [],
  };
  const existing = stores.get(runtime);
  if (existing) return existing;
  const store = memoryStore({ now: runtime.now, data: state.recovery.data, onChange: runtime.commit });
  stores.set(runtime, store);
  return store;
}

export function createSimulatedRecoveryCodes(runtime: SimulatorRuntime): RecoveryCodesAdapter {
  const { state } = runtime;
  const store = simulatedRecoveryStore(runtime);
  const recovery = state.recovery;
  if (!recovery) throw new Error('simulatedRecoveryStore did not set up the recovery state.');
  const service = createRecoveryService({
    store,
    pepper: recovery.pepper,
    now: runtime.now,
    audit: (event) => {
      recovery.audit.push(event);
      runtime.commit();
    },
    identity: {
      verifyPassword: async (username, password) =>
        Object.hasOwn(state.users, username) && state.users[username]?.password === password
          ? username
          : undefined,
      resetMfa: async (username) => {
        const user = state.users[username];
        if (!user) return;
        user.enabled = user.enabled.filter((method) => method !== 'TOTP');
        if (user.preferred === 'TOTP') user.preferred = undefined;
        user.totpSecret = undefined;
        user.pendingTotpSecret = undefined;
        runtime.commit();
      },
    },
  });

  const signedInUsername = () => state.session?.username ?? errors.signedOut();

  return {
    generate: async () => service.generate(signedInUsername()),
    status: async () => service.status(signedInUsername()),
    redeem: (input) => service.redeem(input),
  };
}
