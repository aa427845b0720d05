import { type ReactNode, useCallback, useMemo, useRef } from 'react';
import { type GuardOptions, StepUpContext, type StepUpContextValue } from '../../context/stepUpContext.js';
import { MfaError, StepUpCancelledError } from '../../core/errors.js';
import {
  DEFAULT_STEP_UP_MAX_AGE_SECONDS,
  DEFAULT_STEP_UP_REQUIRES_MFA_ABOVE,
  isStepUpFresh,
  requiresStepUp,
} from '../../core/policy.js';
import { createStepUpFetch } from '../../hooks/stepUpFetch.js';
import { useStepUpSession } from '../../hooks/useStepUpSession.js';
import type { StepUpProof, StepUpVerifier } from '../../ports.js';
import { StepUpDialogView } from './StepUpDialogView.js';

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
  /** The transport `stepUpFetch` sends through. Default: the global `fetch`, looked up at each call. */
  fetch?: (request: Request) => Promise<Response>;
  children?: ReactNode;
}

const defaultAttachProof = (headers: Headers, proof: StepUpProof) =>
  headers.set('X-Step-Up-Proof', proof.token);

type Waiter = { resolve: (proof: StepUpProof) => void; reject: (error: unknown) => void };

export function StepUpProvider({
  verifier,
  requiresMfaAbove = DEFAULT_STEP_UP_REQUIRES_MFA_ABOVE,
  maxAgeSeconds = DEFAULT_STEP_UP_MAX_AGE_SECONDS,
  onEvent,
  proofOrigins,
  attachProof = defaultAttachProof,
  fetch: fetchProp,
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
    onError: (error) => onEventRef.current?.({ type: 'failed', error }),
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

  const stepUpFetch = useMemo(
    () =>
      createStepUpFetch({
        fetch: fetchProp ?? ((request) => globalThis.fetch(request)),
        proofOrigins,
        attachProof,
        maxAgeSeconds,
        lastProof: () => lastProof.current,
        prompt,
        onPrompted: (reason) => onEventRef.current?.({ type: 'prompted', riskScore: 100, reason }),
      }),
    [attachProof, fetchProp, maxAgeSeconds, prompt, proofOrigins],
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
