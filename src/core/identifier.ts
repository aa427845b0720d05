/** What the sign-in identifier field holds: the pool's username, an email address or a phone number. */
export type LoginWith = 'username' | 'email' | 'phone';

export type IdentifierProblem = 'required' | 'invalidEmail' | 'invalidPhone';

/**
 * The value sent to Cognito: trimmed; a phone number also loses the spaces, dashes, dots and
 * parentheses people type ("+1 (555) 555-0123" → "+15555550123").
 */
export function normalizeIdentifier(loginWith: LoginWith, raw: string): string {
  const trimmed = raw.trim();
  return loginWith === 'phone' ? trimmed.replace(/[\s().-]/g, '') : trimmed;
}

/** E.164: a plus, a country code that does not start with 0, at most 15 digits in all. */
export const isE164 = (value: string): boolean => /^\+[1-9]\d{1,14}$/.test(value);

export const isEmailAddress = (value: string): boolean => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value);

/** Why a normalised identifier cannot be sent, or undefined when it can. */
export function identifierProblem(loginWith: LoginWith, value: string): IdentifierProblem | undefined {
  if (value === '') return 'required';
  if (loginWith === 'email' && !isEmailAddress(value)) return 'invalidEmail';
  if (loginWith === 'phone' && !isE164(value)) return 'invalidPhone';
  return undefined;
}
