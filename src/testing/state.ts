import type { PasswordPolicy } from '../core/passwordPolicy.js';
import type { MfaMethod } from '../ports.js';
import type { MemoryAdminStoreData } from '../server/admin/memoryAdminStore.js';
import type { RecoveryAuditEvent } from '../server/recovery/audit.js';
import type { MemoryStoreData } from '../server/recovery/memoryStore.js';

export type MfaConfiguration = 'OFF' | 'OPTIONAL' | 'ON';
export type RememberedDevices = 'ALWAYS' | 'USER_OPT_IN' | 'OFF';
/** Cognito's `UserStatus` values the simulator models. */
export type SimulatorUserStatus = 'CONFIRMED' | 'FORCE_CHANGE_PASSWORD' | 'UNCONFIRMED';
/** Attributes that may stand in for the username at sign-in (Cognito's `UsernameAttributes`). */
export type UsernameAttribute = 'email' | 'phone_number';

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
  /**
   * Default 'CONFIRMED'. 'FORCE_CHANGE_PASSWORD': created by an admin with `password` as the temporary
   * password, so the first sign-in asks for a new one. 'UNCONFIRMED': signed up, code not confirmed yet.
   */
  status?: SimulatorUserStatus;
  /** Other attributes, e.g. `{ name: 'Ada' }`. */
  attributes?: Record<string, string>;
  /** Account creation (AdminGetUser's UserCreateDate): a Date, epoch ms or ISO 8601. Default: now. */
  createdAt?: Date | number | string;
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
  status: SimulatorUserStatus;
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
  /** Epoch ms; absent in pools saved before it existed. */
  createdAt?: number;
}

/** Claims of the tokens issued at the last sign-in or refresh. */
export interface IssuedTokens {
  issuedAt: number;
  id: Record<string, unknown>;
  access: Record<string, unknown>;
}

export type PendingChallenge =
  | { kind: 'CODE'; method: MfaMethod; code?: string }
  | { kind: 'SELECT'; allowed: MfaMethod[] }
  | { kind: 'SETUP_SELECT'; allowed: MfaMethod[] }
  | { kind: 'TOTP_SETUP'; secret: string }
  | { kind: 'EMAIL_SETUP' }
  | { kind: 'NEW_PASSWORD'; missingAttributes: string[] };

export interface PendingSignIn {
  username: string;
  challenge: PendingChallenge;
  expiresAt: number;
}

export interface SimulatorState {
  mfaConfiguration: MfaConfiguration;
  mfaMethods: MfaMethod[];
  rememberedDevices: RememberedDevices;
  /** Checked when a user sets a new password. Absent in older saved states: Cognito's default then. */
  passwordPolicy?: PasswordPolicy;
  /** Attributes the pool requires; a user without them is asked for them with the new password. */
  requiredAttributes?: string[];
  /** Attributes accepted in place of the username at sign-in. */
  usernameAttributes?: UsernameAttribute[];
  /** Attributes Cognito sends a code for when they change (the pool's AutoVerifiedAttributes). Absent in older saved pools: both. */
  autoVerifiedAttributes?: Array<'email' | 'phone_number'>;
  users: Record<string, StoredUser>;
  /** Client side, as Amplify keeps it: the signed-in user, the pending sign-in, this browser's device keys. */
  session: { username: string; tokens?: IssuedTokens } | null;
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
