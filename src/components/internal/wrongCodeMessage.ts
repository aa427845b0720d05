import { isWrongCode } from '../../core/codeRules.js';
import type { MfaError } from '../../core/errors.js';

/**
 * The error of a code field, said once: what went wrong and, when known, how many tries are left.
 * Undefined unless the code was wrong (other failures show in the step's alert, with their way forward).
 */
export function wrongCodeMessage(
  error: MfaError | undefined,
  describeError: (error: MfaError) => string,
  attemptsNote: string | undefined,
): string | undefined {
  if (!error || !isWrongCode(error)) return undefined;
  return [describeError(error), attemptsNote ?? ''].filter(Boolean).join(' ');
}
