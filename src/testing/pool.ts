import { parseInstant } from '../core/mfaPolicy.js';
import type { MfaMethod, MfaPreference } from '../ports.js';
import type { SimulatorRuntime } from './simulatedClient.js';
import type { MfaConfiguration, SimulatorUserSeed, SimulatorUserStatus, StoredUser } from './state.js';
import { randomId, totpCode } from './totp.js';

/** What stories and tests may read about a user. A copy: changing it changes nothing. */
export interface SimulatorUserSnapshot {
  username: string;
  userId: string;
  /** CONFIRMED, FORCE_CHANGE_PASSWORD (temporary password not changed yet) or UNCONFIRMED. */
  status: SimulatorUserStatus;
  email?: string;
  phoneNumber?: string;
  groups: string[];
  totpEnabled: boolean;
  smsEnabled: boolean;
  emailEnabled: boolean;
  preferred?: MfaMethod;
  devices: Array<{ id: string; name: string }>;
  failedMfaAttempts: number;
  lockedUntil?: number;
  /** Epoch ms. */
  createdAt?: number;
}

/** Admin-side access to the simulated user pool. */
export interface SimulatorPool {
  getMfaConfiguration(): MfaConfiguration;
  setMfaConfiguration(configuration: MfaConfiguration): void;
  getMfaMethods(): MfaMethod[];
  setMfaMethods(methods: MfaMethod[]): void;
  createUser(seed: SimulatorUserSeed): SimulatorUserSnapshot;
  getUser(username: string): SimulatorUserSnapshot | undefined;
  listUsers(): SimulatorUserSnapshot[];
  addUserToGroup(username: string, group: string): void;
  removeUserFromGroup(username: string, group: string): void;
  /** Like AdminSetUserMFAPreference. */
  setUserMfaPreference(username: string, preferences: Partial<Record<MfaMethod, MfaPreference>>): void;
  /** Removes every factor, so the user enrols again. */
  resetUserMfa(username: string): void;
  /** A device the user remembered in another browser (ConfirmDevice elsewhere); returns its key. */
  addRememberedDevice(username: string, name: string, lastAuthenticatedDate?: number): string;
  /** The code an enrolled user's authenticator app shows now: handy for stories. */
  totpCodeFor(username: string): string | undefined;
}

export function storedUserFromSeed(seed: SimulatorUserSeed, now: number): StoredUser {
  const attributes: Record<string, string> = { ...seed.attributes };
  if (seed.email) Object.assign(attributes, { email: seed.email, email_verified: 'true' });
  if (seed.phoneNumber)
    Object.assign(attributes, { phone_number: seed.phoneNumber, phone_number_verified: 'true' });
  return {
    username: seed.username,
    userId: randomId(),
    password: seed.password,
    status: seed.status ?? 'CONFIRMED',
    attributes,
    groups: [...(seed.groups ?? [])],
    totpSecret: seed.totpSecret,
    enabled: seed.enabled ?? (seed.totpSecret ? ['TOTP'] : []),
    preferred: seed.preferred,
    devices: [],
    failedMfaAttempts: 0,
    pendingAttributeCodes: {},
    createdAt: seed.createdAt === undefined ? now : (parseInstant(seed.createdAt) ?? now),
  };
}

function snapshot(user: StoredUser): SimulatorUserSnapshot {
  return {
    username: user.username,
    userId: user.userId,
    // Saved states from before statuses existed hold confirmed users.
    status: user.status ?? 'CONFIRMED',
    email: user.attributes.email,
    phoneNumber: user.attributes.phone_number,
    groups: [...user.groups],
    totpEnabled: user.enabled.includes('TOTP'),
    smsEnabled: user.enabled.includes('SMS'),
    emailEnabled: user.enabled.includes('EMAIL'),
    preferred: user.preferred,
    devices: user.devices.map(({ id, name }) => ({ id, name })),
    failedMfaAttempts: user.failedMfaAttempts,
    lockedUntil: user.lockedUntil,
    createdAt: user.createdAt,
  };
}

export function createPool(runtime: SimulatorRuntime): SimulatorPool {
  const { state } = runtime;
  const requireUser = (username: string): StoredUser => {
    const user = state.users[username];
    if (!user) throw new Error(`The simulator has no user "${username}".`);
    return user;
  };
  const change = <T>(mutate: () => T): T => {
    const result = mutate();
    runtime.commit();
    return result;
  };

  return {
    getMfaConfiguration: () => state.mfaConfiguration,
    setMfaConfiguration: (configuration) =>
      change(() => {
        state.mfaConfiguration = configuration;
      }),
    getMfaMethods: () => [...state.mfaMethods],
    setMfaMethods: (methods) =>
      change(() => {
        state.mfaMethods = [...methods];
      }),
    createUser: (seed) =>
      change(() => {
        if (state.users[seed.username])
          throw new Error(`The simulator already has a user "${seed.username}".`);
        const user = storedUserFromSeed(seed, runtime.now());
        state.users[seed.username] = user;
        return snapshot(user);
      }),
    getUser: (username) => {
      const user = state.users[username];
      return user ? snapshot(user) : undefined;
    },
    listUsers: () => Object.values(state.users).map(snapshot),
    addUserToGroup: (username, group) =>
      change(() => {
        const user = requireUser(username);
        if (!user.groups.includes(group)) user.groups.push(group);
      }),
    removeUserFromGroup: (username, group) =>
      change(() => {
        const user = requireUser(username);
        user.groups = user.groups.filter((g) => g !== group);
      }),
    setUserMfaPreference: (username, preferences) =>
      change(() => {
        const user = requireUser(username);
        for (const [method, preference] of Object.entries(preferences) as Array<[MfaMethod, MfaPreference]>) {
          if (preference === 'DISABLED') {
            user.enabled = user.enabled.filter((m) => m !== method);
            if (user.preferred === method) user.preferred = undefined;
            continue;
          }
          if (!user.enabled.includes(method)) user.enabled.push(method);
          if (preference === 'PREFERRED') user.preferred = method;
          if (preference === 'NOT_PREFERRED' && user.preferred === method) user.preferred = undefined;
        }
      }),
    resetUserMfa: (username) =>
      change(() => {
        const user = requireUser(username);
        user.enabled = [];
        user.preferred = undefined;
        user.totpSecret = undefined;
        user.pendingTotpSecret = undefined;
      }),
    addRememberedDevice: (username, name, lastAuthenticatedDate) =>
      change(() => {
        const user = requireUser(username);
        const id = randomId();
        const at = lastAuthenticatedDate ?? runtime.now();
        user.devices.push({ id, name, createDate: at, lastAuthenticatedDate: at });
        return id;
      }),
    totpCodeFor: (username) => {
      const secret = state.users[username]?.totpSecret;
      return secret ? totpCode(secret, runtime.now()) : undefined;
    },
  };
}
