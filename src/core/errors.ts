/**
 * Every failure the flows can meet becomes an `MfaError` with a stable `code`.
 * The SDK's own message stays in `cause` for logs; the UI shows the catalog message for `code`.
 */
export type MfaErrorCode =
  | 'CODE_MISMATCH'
  | 'CODE_EXPIRED'
  | 'SESSION_EXPIRED'
  | 'LOCKED_OUT'
  | 'TOO_MANY_REQUESTS'
  | 'NOT_AUTHORIZED'
  | 'ALREADY_SIGNED_IN'
  | 'SIGNED_OUT'
  | 'TOTP_SETUP_FAILED'
  | 'PASSWORD_RESET_REQUIRED'
  // A new password Cognito refused for its policy (InvalidPasswordException at the new-password step).
  | 'INVALID_PASSWORD'
  | 'USER_NOT_CONFIRMED'
  | 'INVALID_PARAMETER'
  | 'MFA_NOT_ENROLLED'
  | 'NETWORK'
  | 'UNKNOWN';

export class MfaError extends Error {
  override readonly name = 'MfaError';
  readonly code: MfaErrorCode;

  constructor(code: MfaErrorCode, options?: { cause?: unknown }) {
    super(code, options);
    this.code = code;
  }
}

export function isMfaError(value: unknown): value is MfaError {
  return value instanceof MfaError;
}

/** Codes after which the same request may succeed when simply sent again. */
const retryableCodes: ReadonlySet<MfaErrorCode> = new Set(['NETWORK', 'TOO_MANY_REQUESTS', 'UNKNOWN']);

export function isRetryable(error: MfaError): boolean {
  return retryableCodes.has(error.code);
}

const codeByName: Readonly<Record<string, MfaErrorCode>> = {
  CodeMismatchException: 'CODE_MISMATCH',
  ExpiredCodeException: 'CODE_EXPIRED',
  // Amplify's own error when its in-memory sign-in state is gone (never started, or expired after 3 minutes).
  SignInException: 'SESSION_EXPIRED',
  EnableSoftwareTokenMFAException: 'TOTP_SETUP_FAILED',
  TooManyFailedAttemptsException: 'LOCKED_OUT',
  TooManyRequestsException: 'TOO_MANY_REQUESTS',
  LimitExceededException: 'TOO_MANY_REQUESTS',
  UserAlreadyAuthenticatedException: 'ALREADY_SIGNED_IN',
  UserUnAuthenticatedException: 'SIGNED_OUT',
  // Cognito hides whether a user exists; so do we.
  UserNotFoundException: 'NOT_AUTHORIZED',
  // cognito-local answers a wrong password with this name where Cognito says NotAuthorizedException.
  InvalidPasswordException: 'NOT_AUTHORIZED',
  PasswordResetRequiredException: 'PASSWORD_RESET_REQUIRED',
  UserNotConfirmedException: 'USER_NOT_CONFIRMED',
  InvalidParameterException: 'INVALID_PARAMETER',
  EmptyChallengeResponse: 'INVALID_PARAMETER',
  EmptySignInUsername: 'INVALID_PARAMETER',
  EmptySignInPassword: 'INVALID_PARAMETER',
  EmptyVerifyTOTPSetupCode: 'INVALID_PARAMETER',
  // Step-up verifiers: the user has no factor, and the password alone must never be enough.
  MfaNotEnrolledException: 'MFA_NOT_ENROLLED',
  NetworkError: 'NETWORK',
  AbortError: 'NETWORK',
  TimeoutError: 'NETWORK',
};

function classifyNotAuthorized(message: string): MfaErrorCode {
  if (/session is expired|invalid session/i.test(message)) return 'SESSION_EXPIRED';
  if (/attempts exceeded|too many failed/i.test(message)) return 'LOCKED_OUT';
  return 'NOT_AUTHORIZED';
}

function isFetchFailure(name: string, message: string): boolean {
  return name === 'TypeError' && /fetch|network|load failed/i.test(message);
}

/** An error shaped like the AWS SDK's, for adapters that talk HTTP themselves: `toMfaError` reads its name. */
export function awsStyleError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name });
}

/** Maps anything thrown by Amplify, Cognito, cognito-local, the simulator or `fetch` to an `MfaError`. */
export function toMfaError(error: unknown): MfaError {
  if (error instanceof MfaError) return error;
  const name = readString(error, 'name');
  const message = readString(error, 'message');
  if (name === 'NotAuthorizedException')
    return new MfaError(classifyNotAuthorized(message), { cause: error });
  if (isFetchFailure(name, message)) return new MfaError('NETWORK', { cause: error });
  return new MfaError(codeByName[name] ?? 'UNKNOWN', { cause: error });
}

function readString(value: unknown, key: 'name' | 'message'): string {
  if (typeof value !== 'object' || value === null) return '';
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'string' ? field : '';
}
/** The user closed the step-up prompt: the guarded action did not run. */
export class StepUpCancelledError extends Error {
  override readonly name = 'StepUpCancelledError';
  constructor() {
    super('The step-up verification was cancelled; the action did not run.');
  }
}

export function isStepUpCancelled(error: unknown): error is StepUpCancelledError {
  return error instanceof StepUpCancelledError;
}

/** The server still asked for step-up after a fresh verification: reported, never retried in a loop. */
export class StepUpRefusedError extends Error {
  override readonly name = 'StepUpRefusedError';
  readonly response: Response;
  constructor(response: Response) {
    super('The server refused the request again after step-up verification.');
    this.response = response;
  }
}
