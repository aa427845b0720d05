import type { MfaMethod } from '../ports.js';
import type { MemoryAdminStoreData } from '../server/admin/memoryAdminStore.js';
import type { RecoveryAuditEvent } from '../server/recovery/audit.js';
import type { MemoryStoreData } from '../server/recovery/memoryStore.js';

export type MfaConfiguration = 'OFF' | 'OPTIONAL' | 'ON';
export type RememberedDevices = 'ALWAYS' | 'USER_OPT_IN' | 'OFF';

export interface SimulatorUserSeed {
  username: string;
  password: string;
  email?: string;
  phoneNumber?: string;
  groups?: string[];
  /** An already verified authenticator secret (base32); enables TOTP. */
  totpSecret?: string;
  /** Factors the user has enabled; defaults to TOTP when `totpSecret` is given. */
  enabled?: MfaMethod[];
  preferred?: MfaMethod;
}

export interface StoredDevice {
  id: string;
  name: string;
  createDate: number;
  lastAuthenticatedDate: number;
}

export interface StoredUser {
  username: string;
  userId: string;
  password: string;
  attributes: Record<string, string>;
  groups: string[];
  totpSecret?: string;
  pendingTotpSecret?: string;
  enabled: MfaMethod[];
  preferred?: MfaMethod;
  devices: StoredDevice[];
  failedMfaAttempts: number;
  lockedUntil?: number;
  pendingAttributeCodes: Record<string, string>;
}

export type PendingChallenge =
  | { kind: 'CODE'; method: MfaMethod; code?: string }
  | { kind: 'SELECT'; allowed: MfaMethod[] }
  | { kind: 'SETUP_SELECT'; allowed: MfaMethod[] }
  | { kind: 'TOTP_SETUP'; secret: string }
  | { kind: 'EMAIL_SETUP' };

export interface PendingSignIn {
  username: string;
  challenge: PendingChallenge;
  expiresAt: number;
}

export interface SimulatorState {
  mfaConfiguration: MfaConfiguration;
  mfaMethods: MfaMethod[];
  rememberedDevices: RememberedDevices;
  users: Record<string, StoredUser>;
  /** Client side, as Amplify keeps it: the signed-in user, the pending sign-in, this browser's device keys. */
  session: { username: string } | null;
  pendingSignIn: PendingSignIn | null;
  deviceKeys: Record<string, string>;
  /** The recovery-code backend's side: hashed codes, rate counters, the pepper and the audit trail. */
  recovery?: { pepper: string; data: MemoryStoreData; audit: RecoveryAuditEvent[] };
  /** The admin backend's side: active bypasses and the admin audit trail. */
  admin?: MemoryAdminStoreData;
}

export interface StateStore {
  load(): SimulatorState | undefined;
  save(state: SimulatorState): void;
}

export function memoryStore(): StateStore {
  return { load: () => undefined, save: () => {} };
}

/** Keeps the pool in sessionStorage so a Storybook reload keeps enrolments; a corrupt blob is ignored. */
export function sessionStorageStore(key: string): StateStore {
  const storage = typeof globalThis.sessionStorage === 'undefined' ? undefined : globalThis.sessionStorage;
  return {
    load() {
      const raw = storage?.getItem(key);
      if (!raw) return undefined;
      try {
        const parsed = JSON.parse(raw) as SimulatorState;
        return typeof parsed === 'object' && parsed !== null && typeof parsed.users === 'object'
          ? parsed
          : undefined;
      } catch {
        return undefined;
      }
    },
    save(state) {
      storage?.setItem(key, JSON.stringify(state));
    },
  };
}
