import { awsStyleError } from '../core/errors.js';
import type { MfaMethod, StepUpChallenge, StepUpProof, StepUpVerifier } from '../ports.js';

export interface HttpStepUpVerifierOptions {
  /** The host's endpoint that checks the code, e.g. `/api/auth/mfa/verify-totp`. Receives `{ code }`. */
  url: string;
  /** The signed-in user's access token, sent as `Authorization: Bearer …`. */
  getAccessToken: () => Promise<string> | string;
  /**
   * Optional endpoint that starts a step-up and answers a StepUpChallenge (e.g. after sending an SMS).
   * Without it the user is asked for an authenticator code.
   */
  beginUrl?: string;
  method?: MfaMethod;
  fetch?: typeof fetch;
}

async function failureFrom(response: Response): Promise<Error> {
  const body = (await response.json().catch(() => ({}))) as { error?: unknown };
  if (typeof body.error === 'string')
    return awsStyleError(body.error, `Step-up refused (${response.status}).`);
  if (response.status === 429) return awsStyleError('TooManyRequestsException', 'Too many step-up attempts.');
  if (response.status === 401 || response.status === 403) {
    return awsStyleError('NotAuthorizedException', 'The step-up endpoint refused the request.');
  }
  return awsStyleError('UnknownStepUpError', `Step-up endpoint answered ${response.status}.`);
}

/**
 * A verifier for hosts whose backend checks the code and returns a short-lived step-up token
 * (JSON `{ token }`). Error bodies `{ error: 'CodeMismatchException' }` map like Cognito's.
 */
export function httpStepUpVerifier({
  url,
  getAccessToken,
  beginUrl,
  method = 'TOTP',
  fetch: fetchImpl = globalThis.fetch.bind(globalThis),
}: HttpStepUpVerifierOptions): StepUpVerifier {
  const post = async (target: string, body: unknown) => {
    const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${await getAccessToken()}` };
    try {
      return await fetchImpl(target, { method: 'POST', headers, body: JSON.stringify(body) });
    } catch {
      throw awsStyleError('NetworkError', 'The step-up endpoint could not be reached.');
    }
  };

  return {
    async begin(): Promise<StepUpChallenge> {
      if (!beginUrl) return { method, requiresPassword: false };
      const response = await post(beginUrl, {});
      if (!response.ok) throw await failureFrom(response);
      return (await response.json()) as StepUpChallenge;
    },
    async verify({ code }): Promise<StepUpProof> {
      const response = await post(url, { code });
      if (!response.ok) throw await failureFrom(response);
      const body = (await response.json()) as { token?: unknown };
      if (typeof body.token !== 'string')
        throw awsStyleError('UnknownStepUpError', 'The step-up endpoint sent no token.');
      return { token: body.token, verifiedAt: Date.now(), method };
    },
  };
}
