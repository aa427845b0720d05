import type { MfaMethod, PoolMfaConfig } from '../../ports.js';
import type { UserMfaSettings } from './store.js';

/** A user as the pool reports them (`AdminGetUser`, `AdminListGroupsForUser`). */
export interface PoolUser extends UserMfaSettings {
  username: string;
  email?: string;
  hasPhone: boolean;
  groups: string[];
  /** ISO 8601. */
  createdAt?: string;
  /** ISO 8601. */
  lastModifiedAt?: string;
}

/** What the admin service needs from the user pool. `cognitoAdminPool` implements it over the AWS SDK. */
export interface AdminPool {
  getMfaConfig(): Promise<PoolMfaConfig>;
  setMfaConfig(config: PoolMfaConfig): Promise<void>;
  /** One page of usernames (Cognito's `ListUsers`: at most 60), optionally by username prefix. */
  listUsernames(input: { cursor?: string; limit: number; search?: string }): Promise<{
    usernames: string[];
    cursor?: string;
  }>;
  /** `undefined` when there is no such user. */
  getUser(username: string): Promise<PoolUser | undefined>;
  /**
   * Sets the user's factors to `settings` from `current`: each factor in either enabled or not, and
   * which one is preferred (`AdminSetUserMFAPreference`; TOTP alone when both are empty).
   */
  setUserMfa(username: string, settings: UserMfaSettings, current: UserMfaSettings): Promise<void>;
  /** Forgets every remembered device (`AdminListDevices` + `AdminForgetDevice`); resolves how many. */
  forgetDevices(username: string): Promise<number>;
}

export const ALL_METHODS: readonly MfaMethod[] = ['TOTP', 'SMS', 'EMAIL'];
