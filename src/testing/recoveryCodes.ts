import type { RecoveryCodesAdapter } from '../ports.js';
import { memoryStore } from '../server/recovery/memoryStore.js';
import { createRecoveryService } from '../server/recovery/service.js';
import { errors } from './cognitoErrors.js';
import type { SimulatorRuntime } from './simulatedClient.js';
import { randomId } from './totp.js';

/**
 * Recovery codes against the simulator's pool, by the server's own rules (the same
 * `createRecoveryService` as `createMfaHandler`): password proof, single use, rate limits, and the
 * authenticator app turned off after a redeem, as AdminSetUserMFAPreference would.
 */
export function createSimulatedRecoveryCodes(runtime: SimulatorRuntime): RecoveryCodesAdapter {
  const { state } = runtime;
  state.recovery ??= {
    pepper: `${randomId()}${randomId()}${randomId()}`,
    data: { sets: {}, counters: {} },
    audit: [],
  };
  const recovery = state.recovery;
  const service = createRecoveryService({
    store: memoryStore({ now: runtime.now, data: recovery.data, onChange: runtime.commit }),
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
