import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef } from 'react';
import { MfaError } from '../../core/errors.js';
import type { StepUpState } from '../../core/flows/stepUp.js';
import {
  DEFAULT_STEP_UP_MAX_AGE_SECONDS,
  DEFAULT_STEP_UP_THRESHOLD,
  isStepUpFresh,
  requiresStepUp,
} from '../../core/policy.js';
import { stepUpRequirementFrom } from '../../core/rfc9470.js';
import type { StepUpProof, StepUpVerifier } from '../../ports.js';
import { StepUpDialogView } from './StepUpDialogView.js';
import { StepUpCancelledError, StepUpRefusedError } from './stepUpErrors.js';
import { useStepUpSession } from './useStepUpSession.js';

export interface GuardOptions {
  /**
   * 0–100; above the provider's threshold the user must verify first. A value that is not a finite
   * number counts as high risk. This is the user experience only: the server must check the proof.
   */
  riskScore: number;
  /** What is being confirmed, shown in the prompt ("Delete project Apollo"). */
  reason?: string;
  /** Ask even when a fresh verification could be reused. */
  always?: boolean;
}

/**
 * What `onEvent` reports, for audit logs. No event carries a token: a proof is a bearer credential,
 * so `verified` has only the method and time of the verification.
 */
export type StepUpEvent =
  | { type: 'allowed'; riskScore: number }
  | { type: 'reused'; riskScore: number }
  | { type: 'prompted'; riskScore: number; reason?: string }
  | { type: 'verified'; method: StepUpProof['method']; verifiedAt: number }
  | { type: 'cancelled' }
  | { type: 'failed'; error: MfaError };

export interface StepUpProviderProps {
  verifier: StepUpVerifier;
  /** Risk scores above this need MFA. Default 70. */
  requiresMfaAbove?: number;
  /** How long a verification is reused. Default 300 seconds. */
  maxAgeSeconds?: number;
  /** For audit logs: every decision and outcome (no event carries a token). */
  onEvent?: (event: StepUpEvent) => void;
  /**
   * Origins `stepUpFetch` may send a proof to, besides the page's own (e.g.
   * `['https://api.example.com']`). A step-up challenge from any other origin is returned as it is,
   * without prompting and without the proof.
   */
  proofOrigins?: string[];
  /**
   * How `stepUpFetch` presents the proof when it retries. Default: header `X-Step-Up-Proof: <token>`,
   * leaving the app's own Authorization header untouched.
   */
  attachProof?: (headers: Headers, proof: StepUpProof) => void;
  children?: ReactNode;
}

export interface StepUpApi {
  /** Runs `action` now, or after the user verifies when the risk is high. Rejects with StepUpCancelledError on cancel. */
  guard<T>(action: (proof?: StepUpProof) => T | Promise<T>, options: GuardOptions): Promise<T>;
  /**
   * `fetch` that handles RFC 9470: on 401 `insufficient_user_authentication` it prompts, then retries
   * once with the proof (never following a redirect with it). A second refusal rejects with
   * StepUpRefusedError. Only the page's own origin and the provider's `proofOrigins` get a proof;
   * a challenge from any other origin is returned untouched.
   */
  stepUpFetch(input: RequestInfo | URL, init?: RequestInit & { reason?: string }): Promise<Response>;
}

const defaultAttachProof = (headers: Headers, proof: StepUpProof) =>
  headers.set('X-Step-Up-Proof', proof.token);

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

interface StepUpContextValue extends StepUpApi {
  state: StepUpState;
  /** The element focused when the prompt opened: focus goes back there when it closes. */
  returnFocusTo: { current: HTMLElement | null };
  submit(input: { code: string; password?: string }): void;
  cancel(): void;
}

const StepUpContext = createContext<StepUpContextValue | null>(null);

type Waiter = { resolve: (proof: StepUpProof) => void; reject: (error: unknown) => void };

export function StepUpProvider({
  verifier,
  requiresMfaAbove = DEFAULT_STEP_UP_THRESHOLD,
  maxAgeSeconds = DEFAULT_STEP_UP_MAX_AGE_SECONDS,
  onEvent,
  proofOrigins,
  attachProof = defaultAttachProof,
  children,
}: StepUpProviderProps) {
  const waiters = useRef<Waiter[]>([]);
  const lastProof = useRef<StepUpProof | null>(null);
  const returnFocusTo = useRef<HTMLElement | null>(null);
  const onEventRef = useRef(onEvent);
  onEventRef.current = onEvent;

  const settleRef = useRef<(outcome: { proof: StepUpProof } | { error: unknown }) => void>(() => {});
  const session = useStepUpSession(verifier, {
    onVerified: (proof) => {
      lastProof.current = proof;
      onEventRef.current?.({ type: 'verified', method: proof.method, verifiedAt: proof.verifiedAt });
      settleRef.current({ proof });
    },
    onFailed: (error) => onEventRef.current?.({ type: 'failed', error }),
    // No factor: reject at once so the host can say "set up MFA first".
    onNotEnrolled: (error) => settleRef.current({ error }),
  });
  const { state, open, submit, close } = session;

  const settle = useCallback(
    (outcome: { proof: StepUpProof } | { error: unknown }) => {
      const pending = waiters.current;
      waiters.current = [];
      close();
      for (const waiter of pending) {
        if ('proof' in outcome) waiter.resolve(outcome.proof);
        else waiter.reject(outcome.error);
      }
    },
    [close],
  );
  settleRef.current = settle;

  const prompt = useCallback(
    (reason: string | undefined) =>
      new Promise<StepUpProof>((resolve, reject) => {
        const first = waiters.current.length === 0;
        // Concurrent guarded calls share the prompt that is already open.
        waiters.current.push({ resolve, reject });
        if (!first) return;
        returnFocusTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        open(reason);
      }),
    [open],
  );

  const guard = useCallback(
    async <T,>(
      action: (proof?: StepUpProof) => T | Promise<T>,
      { riskScore, reason, always }: GuardOptions,
    ) => {
      if (!requiresStepUp(riskScore, requiresMfaAbove)) {
        onEventRef.current?.({ type: 'allowed', riskScore });
        return action();
      }
      const fresh = lastProof.current;
      if (!always && fresh && isStepUpFresh(fresh.verifiedAt, Date.now(), maxAgeSeconds)) {
        onEventRef.current?.({ type: 'reused', riskScore });
        return action(fresh);
      }
      onEventRef.current?.({ type: 'prompted', riskScore, reason });
      const proof = await prompt(reason);
      return action(proof);
    },
    [maxAgeSeconds, prompt, requiresMfaAbove],
  );

  const stepUpFetch = useCallback(
    async (input: RequestInfo | URL, init?: RequestInit & { reason?: string }) => {
      const { reason, ...requestInit } = init ?? {};
      // A Request body can be read once: keep a pristine copy for the retry.
      const request = new Request(input, requestInit);
      const response = await fetch(request.clone());
      const requirement = stepUpRequirementFrom(response.status, response.headers.get('WWW-Authenticate'));
      // Only the page's own origin and the host's list ever receive a proof (or cause a prompt).
      if (!requirement || !mayReceiveProof(request.url, proofOrigins)) return response;
      const allowedAge = Math.min(requirement.maxAge ?? maxAgeSeconds, maxAgeSeconds);
      const fresh = lastProof.current;
      let proof: StepUpProof;
      if (fresh && isStepUpFresh(fresh.verifiedAt, Date.now(), allowedAge)) {
        proof = fresh;
      } else {
        onEventRef.current?.({ type: 'prompted', riskScore: 100, reason });
        proof = await prompt(reason);
      }
      // No redirects with the proof attached: it would follow the request to wherever they lead.
      const retry = new Request(request, { headers: new Headers(request.headers), redirect: 'error' });
      attachProof(retry.headers, proof);
      const retried = await fetch(retry);
      if (stepUpRequirementFrom(retried.status, retried.headers.get('WWW-Authenticate'))) {
        throw new StepUpRefusedError(retried);
      }
      return retried;
    },
    [attachProof, maxAgeSeconds, prompt, proofOrigins],
  );

  const cancel = useCallback(() => {
    onEventRef.current?.({ type: 'cancelled' });
    settle({ error: new StepUpCancelledError() });
  }, [settle]);

  // A recovery code turned MFA off: the action cannot run until the user enrols again.
  const recovered = useCallback(() => {
    const error = new MfaError('MFA_NOT_ENROLLED');
    onEventRef.current?.({ type: 'failed', error });
    settle({ error });
  }, [settle]);

  const value = useMemo<StepUpContextValue>(
    () => ({ guard, stepUpFetch, state, submit, cancel, returnFocusTo }),
    [guard, stepUpFetch, state, submit, cancel],
  );
  return (
    <StepUpContext.Provider value={value}>
      {children}
      <StepUpDialogView
        state={state}
        submit={submit}
        cancel={cancel}
        returnFocusTo={returnFocusTo}
        onRecovered={recovered}
      />
    </StepUpContext.Provider>
  );
}

export function useStepUpContext(consumer: string): StepUpContextValue {
  const context = useContext(StepUpContext);
  if (!context) throw new Error(`${consumer} must be used within <StepUpProvider verifier={…}>.`);
  return context;
}

/** `guard(action, { riskScore, reason })` for high-risk actions. */
export function useStepUp(): StepUpApi {
  const { guard, stepUpFetch } = useStepUpContext('useStepUp');
  return useMemo(() => ({ guard, stepUpFetch }), [guard, stepUpFetch]);
}

/** `guard` when a `<StepUpProvider>` is above, else undefined: for components where step-up is optional. */
export function useOptionalStepUpGuard(): StepUpApi['guard'] | undefined {
  return useContext(StepUpContext)?.guard;
}
