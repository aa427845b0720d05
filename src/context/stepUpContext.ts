import { createContext, useContext, useMemo } from 'react';
import type { StepUpState } from '../core/flows/stepUp.js';
import type { StepUpProof } from '../ports.js';

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

export interface StepUpContextValue extends StepUpApi {
  state: StepUpState;
  /** The element focused when the prompt opened: focus goes back there when it closes. */
  returnFocusTo: { current: HTMLElement | null };
  submit(input: { code: string; password?: string }): void;
  cancel(): void;
}

export const StepUpContext = createContext<StepUpContextValue | null>(null);

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
