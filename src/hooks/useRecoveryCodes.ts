import { useCallback, useEffect, useReducer, useRef } from 'react';
import { useMfaContext } from '../context/mfaContext.js';
import { isStepUpCancelled, type MfaError, toMfaError } from '../core/errors.js';
import {
  initialRecoveryCodesState,
  isLowOnCodes,
  type RecoveryCodesState,
  recoveryCodesReducer,
} from '../core/flows/recoveryCodes.js';
import type { RecoveryCodesStatus } from '../ports.js';
import { useAsyncGuard } from './useAsyncGuard.js';

export interface UseRecoveryCodesOptions {
  /**
   * 'if-none': generate at once when the user has no unused codes (right after a first enrolment);
   * 'always': replace the set at once (after a recovery code was used). Default 'never'.
   */
  autoGenerate?: 'never' | 'if-none' | 'always';
}

export interface RecoveryCodesApi {
  status: RecoveryCodesState['status'];
  summary: RecoveryCodesStatus | undefined;
  /** The codes of a set just generated, until `acknowledge()`; never available again afterwards. */
  codes: string[] | undefined;
  createdAt: string | undefined;
  error: MfaError | undefined;
  /** Three or fewer codes left. */
  lowOnCodes: boolean;
  /** Makes a new set; every earlier code stops working. */
  generate(): void;
  refresh(): void;
  /** Repeats what failed. */
  retry(): void;
  /** The user confirmed they saved the codes: forget the plaintext. */
  acknowledge(): void;
}

/** Headless recovery-code management for the signed-in user, through the provider's `recovery` adapter. */
export function useRecoveryCodes({ autoGenerate = 'never' }: UseRecoveryCodesOptions = {}): RecoveryCodesApi {
  const { recovery } = useMfaContext('useRecoveryCodes');
  if (!recovery)
    throw new Error(
      'useRecoveryCodes needs a recovery adapter: <MfaProvider recovery={httpRecoveryCodes(…)}>.',
    );
  const [state, dispatch] = useReducer(recoveryCodesReducer, initialRecoveryCodesState);
  const { mounted, exclusive: guarded } = useAsyncGuard();

  const generate = useCallback(
    () =>
      void guarded(async () => {
        dispatch({ type: 'GENERATE_STARTED' });
        try {
          const set = await recovery.generate();
          if (mounted.current) dispatch({ type: 'GENERATED', set });
        } catch (error) {
          if (!mounted.current) return;
          // The user closed the step-up prompt the server asked for: nothing changed, nothing to report.
          if (isStepUpCancelled(error)) dispatch({ type: 'GENERATE_CANCELLED' });
          else dispatch({ type: 'FAILED', error: toMfaError(error), during: 'generate' });
        }
      }),
    [guarded, mounted, recovery],
  );

  const load = useCallback(
    (mode: 'never' | 'if-none' | 'always') =>
      guarded(async () => {
        dispatch({ type: 'LOAD_STARTED' });
        try {
          const summary = await recovery.status();
          if (!mounted.current) return;
          dispatch({ type: 'LOADED', summary });
          if (mode === 'always' || (mode === 'if-none' && summary.remaining === 0)) {
            dispatch({ type: 'GENERATE_STARTED' });
            const set = await recovery.generate();
            if (mounted.current) dispatch({ type: 'GENERATED', set });
          }
        } catch (error) {
          if (mounted.current) dispatch({ type: 'FAILED', error: toMfaError(error), during: 'status' });
        }
      }),
    [guarded, mounted, recovery],
  );

  const autoGenerateRef = useRef(autoGenerate);
  useEffect(() => {
    void load(autoGenerateRef.current);
  }, [load]);

  return {
    status: state.status,
    summary: state.summary,
    codes: state.fresh?.codes,
    createdAt: state.fresh?.createdAt ?? state.summary?.createdAt,
    error: state.error,
    lowOnCodes: isLowOnCodes(state.summary),
    generate,
    refresh: useCallback(() => void load('never'), [load]),
    retry: useCallback(() => {
      if (state.failed === 'generate') generate();
      else void load(autoGenerateRef.current);
    }, [generate, load, state.failed]),
    acknowledge: useCallback(() => dispatch({ type: 'ACKNOWLEDGED' }), []),
  };
}
