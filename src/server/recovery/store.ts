/** One code at rest: only its hash, and when it was used. */
export interface StoredRecoveryCode {
  /** base64url HMAC-SHA-256 of the salted code, keyed with the server's pepper. */
  hash: string;
  /** ISO 8601; set once, by the single redeem that won. */
  usedAt?: string;
}

/** A user's current set. Generating a new set replaces it, so every earlier code stops working. */
export interface StoredRecoveryCodes {
  username: string;
  /** Changes on every regeneration; consumption is conditional on it. */
  setId: string;
  /** base64url, random per set. */
  salt: string;
  createdAt: string;
  codes: StoredRecoveryCode[];
}

/**
 * Where recovery codes and rate-limit counters live. Small on purpose: a host can back it with
 * PostgreSQL (`UPDATE … WHERE used_at IS NULL AND set_id = $1`) as easily as DynamoDB.
 */
export interface RecoveryCodeStore {
  get(username: string): Promise<StoredRecoveryCodes | undefined>;
  /** Replaces the user's set. */
  put(codes: StoredRecoveryCodes): Promise<void>;
  /**
   * Marks code `index` used, only if it is unused and `setId` is still the user's set. Atomic:
   * among any number of concurrent calls for one code, exactly one gets `true`.
   */
  consume(username: string, setId: string, index: number, usedAt: string): Promise<boolean>;
  /** Undoes a `consume` whose follow-up failed, so the code is not lost. */
  release(username: string, setId: string, index: number): Promise<void>;
  /** Adds one to the counter `key`, which lives until `expiresAt` (epoch ms); resolves to the new count. */
  increment(key: string, expiresAt: number): Promise<number>;
}
