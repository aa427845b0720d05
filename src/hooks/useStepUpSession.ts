import { useCallback, useReducer, useRef } from 'react';
import { type MfaError, toMfaError } from '../core/errors.js';
import { closedStepUp, type StepUpState, stepUpReducer } from '../core/flows/stepUp.js';
import type { StepUpChallenge, StepUpProof, StepUpVerifier } from '../ports.js';

export interface StepUpSessionHandlers {
  onVerified(proof: StepUpProof): void;
  /** Any failure, for audit; the prompt shows it and stays open unless it is MFA_NOT_ENROLLED. */
  onError?(error: MfaError): void;
  /** The user has no factor: the password alone must never do. */
  onNotEnrolled?(error: MfaError): void;
}

export interface StepUpSession {
  state: StepUpState;
  /** Opens the prompt and asks the verifier for a challenge. */
  open(reason: string | undefined): void;
  submit(input: { code: string; password?: string }): void;
  close(): void;
}

/** One step-up prompt's life: begin, verify (retrying wrong codes), close. Shared by the provider and the standalone dialog. */
export function useStepUpSession(verifier: StepUpVerifier, handlers: StepUpSessionHandlers): StepUpSession {
  const [state, dispatch] = useReducer(stepUpReducer, closedStepUp);
  const verifying = useRef(false);
  // A prompt closed meanwhile ignores the answers of calls it started.
  const generation = useRef(0);
  const handlersRef = useRef(handlers);
  handlersRef.current = handlers;
  const challengeRef = useRef<StepUpChallenge | undefined>(undefined);
  challengeRef.current =
    state.status === 'awaiting-code' || state.status === 'verifying' ? state.challenge : undefined;

  const open = useCallback(
    (reason: string | undefined) => {
      generation.current += 1;
      const current = generation.current;
      dispatch({ type: 'OPENED', reason });
      verifier.begin().then(
        (challenge) => {
          if (current === generation.current) dispatch({ type: 'CHALLENGE_READY', challenge });
        },
        (error: unknown) => {
          if (current !== generation.current) return;
          const mfaError = toMfaError(error);
          handlersRef.current.onError?.(mfaError);
          dispatch({ type: 'START_FAILED', error: mfaError });
          if (mfaError.code === 'MFA_NOT_ENROLLED') handlersRef.current.onNotEnrolled?.(mfaError);
        },
      );
    },
    [verifier],
  );

  const submit = useCallback(
    (input: { code: string; password?: string }) => {
      if (verifying.current) return;
      verifying.current = true;
      const current = generation.current;
      dispatch({ type: 'VERIFY_REQUESTED' });
      const passwordStep = challengeRef.current?.passwordFirst && verifier.submitPassword;
      const call: Promise<{ proof: StepUpProof } | { challenge: StepUpChallenge }> = passwordStep
        ? passwordStep.call(verifier, input.password ?? '').then((challenge) => ({ challenge }))
        : verifier.verify(input).then((proof) => ({ proof }));
      call.then(
        (outcome) => {
          verifying.current = false;
          if (current !== generation.current) return;
          if ('proof' in outcome) handlersRef.current.onVerified(outcome.proof);
          else dispatch({ type: 'CHALLENGE_CHANGED', challenge: outcome.challenge });
        },
        (error: unknown) => {
          verifying.current = false;
          if (current !== generation.current) return;
          const mfaError = toMfaError(error);
          handlersRef.current.onError?.(mfaError);
          dispatch({ type: 'VERIFY_FAILED', error: mfaError });
        },
      );
    },
    [verifier],
  );

  const close = useCallback(() => {
    generation.current += 1;
    dispatch({ type: 'CLOSED' });
  }, []);

  return { state, open, submit, close };
}
