/**
 * A user pool's password policy, named as Cognito's `PasswordPolicyType` (camelCase). The browser
 * uses it for the hint and an early check; Cognito checks again and answers `InvalidPasswordException`.
 */
export interface PasswordPolicy {
  minimumLength: number;
  requireUppercase: boolean;
  requireLowercase: boolean;
  requireNumbers: boolean;
  requireSymbols: boolean;
}

export type PasswordRule =
  | 'minimumLength'
  | 'requireUppercase'
  | 'requireLowercase'
  | 'requireNumbers'
  | 'requireSymbols';

/** Cognito's default policy for a new user pool: 8 characters, upper, lower, number and symbol. */
export const COGNITO_DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  minimumLength: 8,
  requireUppercase: true,
  requireLowercase: true,
  requireNumbers: true,
  requireSymbols: true,
};

/** The example policy (12 characters, upper, lower, number, special) the sign-in hint shows unless told otherwise. */
export const EXAMPLE_PASSWORD_POLICY: PasswordPolicy = {
  ...COGNITO_DEFAULT_PASSWORD_POLICY,
  minimumLength: 12,
};

// Cognito's symbol set: ^ $ * . [ ] { } ( ) ? " ! @ # % & / \ , > < ' : ; | _ ~ ` = + - and a non-edge space.
const SYMBOLS = /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+-]|(?<=\S) (?=\S)/;

const checks: Record<Exclude<PasswordRule, 'minimumLength'>, RegExp> = {
  requireUppercase: /[A-Z]/,
  requireLowercase: /[a-z]/,
  requireNumbers: /[0-9]/,
  requireSymbols: SYMBOLS,
};

/** The rules of `policy` that `password` does not meet yet, in the policy's order. */
export function unmetPasswordRules(policy: PasswordPolicy, password: string): PasswordRule[] {
  const unmet: PasswordRule[] = [];
  // Cognito counts characters (code points), not UTF-16 units.
  if ([...password].length < policy.minimumLength) unmet.push('minimumLength');
  for (const rule of Object.keys(checks) as Array<keyof typeof checks>) {
    if (policy[rule] && !checks[rule].test(password)) unmet.push(rule);
  }
  return unmet;
}

/** The rules a policy asks for, for the hint list. */
export function passwordRules(policy: PasswordPolicy): PasswordRule[] {
  return (['minimumLength', ...Object.keys(checks)] as PasswordRule[]).filter(
    (rule) => rule === 'minimumLength' || policy[rule as keyof typeof checks],
  );
}
