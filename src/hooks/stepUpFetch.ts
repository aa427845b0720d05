import { StepUpRefusedError } from '../core/errors.js';
import { isStepUpFresh } from '../core/policy.js';
import { stepUpRequirementFrom } from '../core/rfc9470.js';
import type { StepUpProof } from '../ports.js';

export interface StepUpFetchDeps {
  /** The transport; the provider's `fetch` prop, else the global one (looked up at each call). */
  fetch: (request: Request) => Promise<Response>;
  /** Origins besides the page's own that may receive a proof. */
  proofOrigins: readonly string[] | undefined;
  attachProof: (headers: Headers, proof: StepUpProof) => void;
  maxAgeSeconds: number;
  /** The last proof, reused while fresh enough for what the server asked. */
  lastProof(): StepUpProof | null;
  /** Opens (or joins) the prompt; rejects when the user cancels. */
  prompt(reason: string | undefined): Promise<StepUpProof>;
  /** For audit: the prompt is about to open. */
  onPrompted(reason: string | undefined): void;
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** The page's own origin, or one the host listed in `proofOrigins`. */
function mayReceiveProof(url: string, proofOrigins: readonly string[] | undefined): boolean {
  const target = originOf(url);
  if (!target || target === 'null') return false;
  if (target === globalThis.location?.origin) return true;
  return (proofOrigins ?? []).some((allowed) => originOf(allowed) === target);
}

/**
 * RFC 9470 over `fetch`: on 401 `insufficient_user_authentication` from an allowed origin, get a proof
 * (reused or prompted), retry once with it, and reject with StepUpRefusedError on a second refusal.
 */
export function createStepUpFetch(deps: StepUpFetchDeps) {
  return async (input: RequestInfo | URL, init?: RequestInit & { reason?: string }): Promise<Response> => {
    const { reason, ...requestInit } = init ?? {};
    // A Request body can be read once: keep a pristine copy for the retry.
    const request = new Request(input, requestInit);
    const response = await deps.fetch(request.clone());
    const requirement = stepUpRequirementFrom(response.status, response.headers.get('WWW-Authenticate'));
    // Only the page's own origin and the host's list ever receive a proof (or cause a prompt).
    if (!requirement || !mayReceiveProof(request.url, deps.proofOrigins)) return response;
    const allowedAge = Math.min(requirement.maxAge ?? deps.maxAgeSeconds, deps.maxAgeSeconds);
    const fresh = deps.lastProof();
    let proof: StepUpProof;
    if (fresh && isStepUpFresh(fresh.verifiedAt, Date.now(), allowedAge)) {
      proof = fresh;
    } else {
      deps.onPrompted(reason);
      proof = await deps.prompt(reason);
    }
    // No redirects with the proof attached: it would follow the request to wherever they lead.
    const retry = new Request(request, { headers: new Headers(request.headers), redirect: 'error' });
    deps.attachProof(retry.headers, proof);
    const retried = await deps.fetch(retry);
    if (stepUpRequirementFrom(retried.status, retried.headers.get('WWW-Authenticate'))) {
      throw new StepUpRefusedError(retried);
    }
    return retried;
  };
}
