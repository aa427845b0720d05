import type { AuthClient } from 'mfa-kit';

export interface ContractUser {
  username: string;
  /** The permanent password, or the temporary one for `temporaryPassword` users. */
  password: string;
  email?: string;
  phoneNumber?: string;
  /** Created by an admin with `password` as a temporary password (FORCE_CHANGE_PASSWORD). */
  temporaryPassword?: boolean;
  /** Signed up but never confirmed (UNCONFIRMED). */
  unconfirmed?: boolean;
}

export interface ContractPool {
  mfaConfiguration: 'OFF' | 'OPTIONAL' | 'ON';
  /** The pool's AutoVerifiedAttributes (default none, as CreateUserPool). */
  autoVerifiedAttributes?: Array<'email' | 'phone_number'>;
  users: ContractUser[];
}

/** One implementation of the AuthClient port the scenarios run against. */
export interface ContractTarget {
  name: string;
  /** A fresh user pool holding `pool.users`, and a signed-out client for it. */
  createPool(pool: ContractPool): Promise<AuthClient>;
  /**
   * The name real Cognito would give `error` from `call`. Only documented deviations of an
   * emulator are translated here; everything else passes through unchanged.
   */
  cognitoErrorName(call: keyof AuthClient, error: unknown): string;
  dispose(): Promise<void>;
}

export const errorNameOf = (error: unknown): string =>
  error instanceof Error
    ? error.name
    : typeof error === 'object' && error && 'name' in error
      ? String(error.name)
      : 'unknown';
