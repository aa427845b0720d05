import type { AuthClient, SignInOutput } from 'mfa-kit';
import type { ContractTarget } from './target';

type Method = keyof AuthClient;
type Result<M extends Method> = Awaited<ReturnType<AuthClient[M]>>;

function describeResult(method: Method, result: unknown): string {
  if (method === 'signIn' || method === 'confirmSignIn') {
    const { nextStep } = result as SignInOutput;
    const allowed = 'allowedMFATypes' in nextStep ? ` ${JSON.stringify(nextStep.allowedMFATypes)}` : '';
    const missing =
      'missingAttributes' in nextStep ? ` missing ${JSON.stringify(nextStep.missingAttributes ?? [])}` : '';
    return `${method} → ${nextStep.signInStep}${allowed}${missing}`;
  }
  if (method === 'fetchMFAPreference') {
    // Absent and undefined keys are the same observation; `enabled` is a set, its order undocumented.
    const { preferred, enabled } = result as Result<'fetchMFAPreference'>;
    // An empty list (cognito-local after turning everything off) says the same as none.
    return `${method} → ${JSON.stringify({ preferred, enabled: enabled?.length ? [...enabled].sort() : undefined })}`;
  }
  if (method === 'getCurrentUser') return `${method} → ${(result as Result<'getCurrentUser'>).username}`;
  if (method === 'setUpTOTP') {
    const { sharedSecret } = result as Result<'setUpTOTP'>;
    return `${method} → ${/^[A-Z2-7]{16,}$/.test(sharedSecret) ? 'base32 secret' : `unexpected secret ${sharedSecret}`}`;
  }
  if (method === 'fetchAuthSession') {
    const { tokens } = result as Result<'fetchAuthSession'>;
    if (!tokens) return `${method} → no tokens`;
    const id = tokens.idToken?.payload ?? {};
    const access = tokens.accessToken.payload;
    return `${method} → id(${id['cognito:username']}, ${id.token_use}, groups ${JSON.stringify(id['cognito:groups'] ?? [])}) access(${access.token_use})`;
  }
  if (method === 'updateUserAttributes') {
    const output = result as Result<'updateUserAttributes'>;
    return `${method} → ${Object.entries(output)
      .map(([key, value]) => `${key}: ${value.nextStep.updateAttributeStep}`)
      .join(', ')}`;
  }
  if (method === 'fetchUserAttributes') {
    const attributes = result as Result<'fetchUserAttributes'>;
    const shown = ['email', 'email_verified', 'phone_number', 'phone_number_verified'].filter(
      (key) => attributes[key] !== undefined,
    );
    return `${method} → ${shown.map((key) => `${key}=${attributes[key]}`).join(' ')}`;
  }
  return `${method} → ok`;
}

/** Records what a user of the port observes: steps, error names, preference outputs. */
export function createTranscript(target: ContractTarget, client: AuthClient) {
  const entries: string[] = [];
  async function call<M extends Method>(
    method: M,
    ...args: Parameters<AuthClient[M]>
  ): Promise<Result<M> | undefined> {
    try {
      const fn = client[method] as (...a: Parameters<AuthClient[M]>) => Promise<Result<M>>;
      const result = await fn(...args);
      entries.push(describeResult(method, result));
      return result;
    } catch (error) {
      entries.push(`${method} → ${target.cognitoErrorName(method, error)}`);
      return undefined;
    }
  }
  return { entries, call };
}
