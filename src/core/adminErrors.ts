/**
 * Why an admin action was refused, the same from the server, over HTTP and from the simulator.
 * `message` is for logs and developers; the console shows its own text for `code`.
 */
export type MfaAdminErrorCode =
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'SELF_ACTION_FORBIDDEN'
  | 'INVALID_REQUEST'
  | 'JUSTIFICATION_REQUIRED'
  | 'USER_NOT_FOUND'
  | 'ALREADY_BYPASSED'
  | 'NOT_BYPASSED'
  | 'NO_MFA_TO_BYPASS'
  | 'BYPASS_UNAVAILABLE_POOL_MFA_ON'
  | 'RESET_UNAVAILABLE_POOL_MFA_ON'
  | 'POOL_ERROR'
  | 'NETWORK'
  | 'UNKNOWN';

export const MFA_ADMIN_ERROR_CODES: readonly MfaAdminErrorCode[] = [
  'UNAUTHORIZED',
  'FORBIDDEN',
  'SELF_ACTION_FORBIDDEN',
  'INVALID_REQUEST',
  'JUSTIFICATION_REQUIRED',
  'USER_NOT_FOUND',
  'ALREADY_BYPASSED',
  'NOT_BYPASSED',
  'NO_MFA_TO_BYPASS',
  'BYPASS_UNAVAILABLE_POOL_MFA_ON',
  'RESET_UNAVAILABLE_POOL_MFA_ON',
  'POOL_ERROR',
  'NETWORK',
  'UNKNOWN',
];

export class MfaAdminError extends Error {
  override readonly name = 'MfaAdminError';
  readonly code: MfaAdminErrorCode;
  /** What to do instead, when there is a way (e.g. reset instead of bypass in a pool with MFA ON). */
  readonly alternative?: string;

  constructor(code: MfaAdminErrorCode, message: string, options?: { cause?: unknown; alternative?: string }) {
    super(message, options);
    this.code = code;
    this.alternative = options?.alternative;
  }
}

export function isMfaAdminError(value: unknown): value is MfaAdminError {
  return value instanceof MfaAdminError;
}

export function isMfaAdminErrorCode(value: unknown): value is MfaAdminErrorCode {
  return typeof value === 'string' && (MFA_ADMIN_ERROR_CODES as readonly string[]).includes(value);
}

/** Justifications: at least 10 characters that are not spaces, at most 1000; stored exactly as given. */
export const JUSTIFICATION_MIN_LENGTH = 10;
export const JUSTIFICATION_MAX_LENGTH = 1000;

export function isValidJustification(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.trim().length >= JUSTIFICATION_MIN_LENGTH &&
    value.length <= JUSTIFICATION_MAX_LENGTH
  );
}
