import { MfaAdminError } from '../core/adminErrors.js';
import type { AdminAdapter, MfaMethod } from '../ports.js';
import { webCryptoSha256 } from '../server/admin/digest.js';
import { memoryAdminStore } from '../server/admin/memoryAdminStore.js';
import type { AdminPool, PoolUser } from '../server/admin/pool.js';
import { type AdminActor, createMfaAdminService, type MfaAdminService } from '../server/admin/service.js';
import { SimulatedAuthError } from './cognitoErrors.js';
import { simulatedRecoveryStore } from './recoveryCodes.js';
import type { SimulatorRuntime } from './simulatedClient.js';
import type { StoredUser } from './state.js';
import { randomId } from './totp.js';

/**
 * The pool side of the admin API over the simulator's state, as Cognito behaves: turning a factor off
 * keeps a verified authenticator's secret (so turning it back on works), turning TOTP on without one
 * fails with InvalidParameterException, listing pages at most 60 users.
 */
export function simulatedAdminPool(runtime: SimulatorRuntime): AdminPool {
  const { state } = runtime;
  const userOf = (username: string): StoredUser | undefined =>
    Object.hasOwn(state.users, username) ? state.users[username] : undefined;
  const view = (user: StoredUser): PoolUser => ({
    username: user.username,
    ...(user.attributes.email ? { email: user.attributes.email } : {}),
    hasPhone: user.attributes.phone_number !== undefined,
    groups: [...user.groups],
    methods: [...user.enabled],
    ...(user.preferred ? { preferred: user.preferred } : {}),
    // AdminGetUser's UserCreateDate: where an enforcement policy's grace period starts.
    ...(user.createdAt !== undefined ? { createdAt: new Date(user.createdAt).toISOString() } : {}),
  });

  return {
    getMfaConfig: async () => ({ mode: state.mfaConfiguration, methods: [...state.mfaMethods] }),
    setMfaConfig: async (config) => {
      state.mfaConfiguration = config.mode;
      state.mfaMethods = [...config.methods];
      runtime.commit();
    },
    listUsernames: async ({ cursor, limit, search }) => {
      const names = Object.keys(state.users)
        .filter((name) => !search || name.startsWith(search))
        .sort();
      const start = Number(cursor ?? 0) || 0;
      const size = Math.min(Math.max(limit, 1), 60);
      const next = start + size;
      return {
        usernames: names.slice(start, next),
        ...(next < names.length ? { cursor: String(next) } : {}),
      };
    },
    getUser: async (username) => {
      const user = userOf(username);
      return user ? view(user) : undefined;
    },
    setUserMfa: async (username, settings) => {
      const user = userOf(username);
      if (!user) throw new SimulatedAuthError('UserNotFoundException', 'User does not exist.');
      // "You can't turn off TOTP MFA for any of your users when MFA is required in your user pool."
      if (
        state.mfaConfiguration === 'ON' &&
        user.enabled.some((method) => !settings.methods.includes(method))
      )
        throw new SimulatedAuthError(
          'InvalidParameterException',
          'MFA is required in this user pool: a factor cannot be turned off.',
        );
      if (settings.methods.includes('TOTP') && !user.totpSecret)
        throw new SimulatedAuthError('InvalidParameterException', 'User has not verified software token mfa');
      user.enabled = [...settings.methods] as MfaMethod[];
      user.preferred =
        settings.preferred && settings.methods.includes(settings.preferred) ? settings.preferred : undefined;
      runtime.commit();
    },
    forgetDevices: async (username) => {
      const user = userOf(username);
      if (!user) return 0;
      const count = user.devices.length;
      user.devices = [];
      runtime.commit();
      return count;
    },
  };
}

/** What `httpAdminAdapter` throws when the admin API cannot be reached. */
export function adminNetworkError(): never {
  throw new MfaAdminError('NETWORK', 'The admin API could not be reached.');
}

export interface SimulatedAdmin {
  adapter: AdminAdapter;
  service: MfaAdminService;
}

/**
 * The admin adapter by the server's own rules (`createMfaAdminService`, as `createMfaAdminHandler`
 * runs it): the signed-in simulator user acts, and must be in one of `adminGroups`; state and audit
 * trail are kept with the simulator.
 */
export function createSimulatedAdmin(runtime: SimulatorRuntime, adminGroups: string[]): SimulatedAdmin {
  const { state } = runtime;
  state.admin ??= { events: [], bypasses: {} };
  const service = createMfaAdminService({
    pool: simulatedAdminPool(runtime),
    store: memoryAdminStore({ data: state.admin, onChange: runtime.commit }),
    recoveryStore: simulatedRecoveryStore(runtime),
    // WebCrypto: the simulator runs in browsers too (the server's handler uses node:crypto).
    sha256: webCryptoSha256,
    now: runtime.now,
  });

  const actor = (): AdminActor => {
    const username = state.session?.username;
    const user = username && Object.hasOwn(state.users, username) ? state.users[username] : undefined;
    if (!user) throw new MfaAdminError('UNAUTHORIZED', 'Sign in as an admin first.');
    if (!user.groups.some((group) => adminGroups.includes(group)))
      throw new MfaAdminError('FORBIDDEN', 'Only members of an admin group may call the admin API.');
    return { username: user.username, requestId: `sim-${randomId()}` };
  };

  const adapter: AdminAdapter = {
    getPoolMfaConfig: async () => {
      actor();
      return service.getPoolMfaConfig();
    },
    setPoolMfaConfig: async (input) => service.setPoolMfaConfig(actor(), input),
    listUsers: async (input) => {
      actor();
      return service.listUsers(input);
    },
    resetUserMfa: async (input) => service.resetUserMfa(actor(), input),
    bypassUserMfa: async (input) => service.bypassUserMfa(actor(), input),
    endBypass: async (input) => service.endBypass(actor(), input),
    getAuditLog: async (query) => {
      actor();
      return service.getAuditLog(query);
    },
    exportCompliance: async (input) => service.exportCompliance(actor(), input),
    listAdoptionSnapshots: async (input) => {
      actor();
      return service.listAdoptionSnapshots(input);
    },
    recordAdoptionSnapshot: async () => {
      actor();
      return service.recordAdoptionSnapshot();
    },
    getPolicy: async () => {
      actor();
      return service.getPolicy();
    },
    setPolicy: async (input) => service.setPolicy(actor(), input),
  };
  return { adapter, service };
}
