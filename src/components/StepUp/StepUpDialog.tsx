import { useEffect, useRef } from 'react';
import { MfaError } from '../../core/errors.js';
import { useStepUpSession } from '../../hooks/useStepUpSession.js';
import type { StepUpProof, StepUpVerifier } from '../../ports.js';
import { StepUpDialogView } from './StepUpDialogView.js';

export interface StepUpDialogProps {
  /** Controlled: show the prompt. It asks the verifier for a challenge each time it opens. */
  open: boolean;
  /** Called with `false` after verification, cancel or Escape. */
  onOpenChange: (open: boolean) => void;
  verifier: StepUpVerifier;
  /** What is being confirmed ("Change payout account"). */
  reason?: string;
  onVerified?: (proof: StepUpProof) => void;
  /** Cancel button, Escape or a click outside. */
  onCancel?: () => void;
  /** Every failure (wrong code, lockout, no factor), for audit. The prompt shows it. */
  onError?: (error: MfaError) => void;
}

/**
 * The step-up prompt on its own, for hosts that manage the flow themselves (no StepUpProvider):
 * `<StepUpDialog open={open} onOpenChange={setOpen} verifier={…} onVerified={…} />`.
 */
export function StepUpDialog({
  open,
  onOpenChange,
  verifier,
  reason,
  onVerified,
  onCancel,
  onError,
}: StepUpDialogProps) {
  const returnFocusTo = useRef<HTMLElement | null>(null);
  const callbacks = useRef({ onOpenChange, onVerified, onCancel, onError });
  callbacks.current = { onOpenChange, onVerified, onCancel, onError };
  const session = useStepUpSession(verifier, {
    onVerified: (proof) => {
      callbacks.current.onVerified?.(proof);
      callbacks.current.onOpenChange(false);
    },
    onError: (error) => callbacks.current.onError?.(error),
  });
  const { state, open: start, close } = session;
  const isClosed = state.status === 'closed';

  useEffect(() => {
    if (open && isClosed) {
      returnFocusTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      start(reason);
    } else if (!open && !isClosed) {
      close();
    }
  }, [open, isClosed, reason, start, close]);

  return (
    <StepUpDialogView
      state={open ? state : { status: 'closed' }}
      submit={session.submit}
      cancel={() => {
        callbacks.current.onCancel?.();
        callbacks.current.onOpenChange(false);
      }}
      returnFocusTo={returnFocusTo}
      onRecovered={() => {
        callbacks.current.onError?.(new MfaError('MFA_NOT_ENROLLED'));
        callbacks.current.onOpenChange(false);
      }}
    />
  );
}
