import { useCallback, useEffect, useRef, useState } from 'react';
import { useMfaContext } from '../context/mfaContext.js';
import { attemptsLeft } from '../core/codeRules.js';
import { MfaError, toMfaError } from '../core/errors.js';
import { initialSignInState, signInError, signInReducer, stepFromOutput } from '../core/flows/signIn.js';
import type { SignInOutput } from '../ports.js';
import type { MfaSignInApi, NewPasswordInput, UseMfaSignInOptions } from './mfaSignInApi.js';
import { type Credentials, recoveryFollowUp, resendableMethod, resendSignInCode } from './signInCalls.js';
import { useAsyncGuard } from './useAsyncGuard.js';
import { useLatestReducer } from './useLatestReducer.js';
import { useRecoveryRedeem } from './useRecoveryRedeem.js';

export type { MfaSignInApi, NewPasswordInput, UseMfaSignInOptions } from './mfaSignInApi.js';

interface RunOptions {
  /** The username the call signs in as (shown again if the password form comes back). */
  username?: string;
  /** Newly typed credentials: a choice Cognito offered earlier no longer counts. */
  fresh?: boolean;
  /** The call answers "Resend code". */
  resent?: boolean;
}

export function useMfaSignIn({
  defaultStep,
  defaultUsername = '',
  onSignedIn,
  onUnhandledStep,
  onUserNotConfirmed,
  resendCooldownSeconds = 30,
}: UseMfaSignInOptions = {}): MfaSignInApi {
  const { client, recovery } = useMfaContext('useMfaSignIn');
  const redeemCode = useRecoveryRedeem();
  const { mounted, busy, exclusive } = useAsyncGuard();
  const [state, dispatch, latest] = useLatestReducer(signInReducer, () =>
    defaultStep
      ? signInReducer(initialSignInState(defaultUsername), {
          type: 'STEP_RECEIVED',
          output: { isSignedIn: false, nextStep: defaultStep },
        })
      : initialSignInState(defaultUsername),
  );
  const [rememberDevice, setRememberDevice] = useState(false);
  const lastAction = useRef<(() => void) | null>(null);
  // Kept in memory only, for "Try another way" and "Resend code"; dropped once signed in or restarted.
  const credentials = useRef<Credentials | null>(null);
  const options = { onSignedIn, onUnhandledStep, onUserNotConfirmed, rememberDevice, resendCooldownSeconds };
  const callbacks = useRef(options);
  callbacks.current = options;

  const notConfirmed = useCallback(() => {
    const name = credentials.current?.username ?? latest().username;
    credentials.current = null;
    dispatch({ type: 'FAILED', error: new MfaError('USER_NOT_CONFIRMED') });
    callbacks.current.onUserNotConfirmed?.(name);
  }, [dispatch, latest]);

  // A host-provided step mfa-kit does not render goes straight back to the host.
  const defaultStepRef = useRef(defaultStep);
  useEffect(() => {
    const step = defaultStepRef.current;
    if (step?.signInStep === 'CONFIRM_SIGN_UP') notConfirmed();
    else if (step && latest().step.name === 'host') callbacks.current.onUnhandledStep?.(step);
  }, [notConfirmed, latest]);

  const accept = useCallback(
    async (output: SignInOutput, resent = false) => {
      const { nextStep } = output;
      if (nextStep.signInStep === 'DONE' && callbacks.current.rememberDevice) {
        await client.rememberDevice().catch(() => {
          // Signed in either way; the device is simply not remembered.
        });
      }
      if (!mounted.current) return;
      if (nextStep.signInStep === 'CONFIRM_SIGN_UP') {
        // Amplify's answer to UserNotConfirmedException: say so on the password form and tell the host.
        notConfirmed();
        return;
      }
      if (nextStep.signInStep === 'DONE') credentials.current = null;
      if (nextStep.signInStep === 'DONE' && recovery) {
        // After a recovery code, or a first enrolment, the user needs (new) recovery codes before going on.
        const followUp = latest().recovering
          ? await recoveryFollowUp(client)
          : latest().step.name === 'totp-setup'
            ? 'recovery-codes'
            : undefined;
        if (followUp && mounted.current) {
          dispatch({ type: 'FOLLOW_UP', step: followUp });
          return;
        }
      }
      const cooldownMs = callbacks.current.resendCooldownSeconds * 1000;
      const resendAvailableAt = resendableMethod(nextStep) ? Date.now() + cooldownMs : undefined;
      dispatch({ type: 'STEP_RECEIVED', output, resent, resendAvailableAt });
      if (nextStep.signInStep === 'DONE') callbacks.current.onSignedIn?.(output);
      else if (stepFromOutput(output).name === 'host') callbacks.current.onUnhandledStep?.(nextStep);
    },
    [client, recovery, notConfirmed, dispatch, latest, mounted],
  );

  // One request at a time: a double click or a second Enter does nothing.
  const run = useCallback(
    (call: () => Promise<SignInOutput>, { username, fresh, resent }: RunOptions = {}) =>
      exclusive(async () => {
        // A retry repeats the call as it was made, options included (a retried resend still says so).
        lastAction.current = () => void run(call, { username, fresh, resent });
        dispatch({ type: 'SUBMITTED', username, fresh });
        try {
          await accept(await call(), resent);
        } catch (error) {
          if (!mounted.current) return;
          const mfaError = signInError(toMfaError(error), latest().step.name);
          if (mfaError.code === 'USER_NOT_CONFIRMED') notConfirmed();
          else dispatch({ type: 'FAILED', error: mfaError, at: Date.now() });
        }
      }),
    [accept, notConfirmed, exclusive, dispatch, latest, mounted],
  );

  const signIn = useCallback(
    (given: Credentials) => {
      credentials.current = given;
      void run(() => client.signIn(given), { username: given.username, fresh: true });
    },
    [client, run],
  );
  const tryAnotherWay = useCallback(() => {
    const given = credentials.current;
    if (given) void run(() => client.signIn(given), { username: given.username });
  }, [client, run]);
  const answer = useCallback(
    (challengeResponse: string) => void run(() => client.confirmSignIn({ challengeResponse })),
    [client, run],
  );

  const submitNewPassword = useCallback(
    ({ password, attributes }: NewPasswordInput) =>
      void run(async () => {
        const userAttributes = attributes && Object.keys(attributes).length > 0 ? attributes : undefined;
        const output = await client.confirmSignIn({
          challengeResponse: password,
          ...(userAttributes ? { options: { userAttributes } } : {}),
        });
        // The temporary password is spent: a later resend or "try another way" signs in with the new one.
        if (credentials.current) credentials.current = { ...credentials.current, password };
        return output;
      }),
    [client, run],
  );

  const codeStep = state.step.name === 'code' ? state.step : undefined;
  const resendMethod = codeStep && codeStep.method !== 'TOTP' ? codeStep.method : undefined;
  const resendCode = useCallback(() => {
    const given = credentials.current;
    if (!given || !resendMethod || busy.current) return;
    void run(() => resendSignInCode(client, given, resendMethod), { username: given.username, resent: true });
  }, [client, run, resendMethod, busy]);

  const redeemRecoveryCode = useCallback(
    (input: { code: string; password?: string }) => {
      const password = input.password ?? credentials.current?.password;
      if (!redeemCode || busy.current || password === undefined) return;
      const given = { username: latest().username, password };
      lastAction.current = () => redeemRecoveryCode(input);
      let redeemed = false;
      void exclusive(async () => {
        dispatch({ type: 'SUBMITTED' });
        const outcome = await redeemCode({ ...given, code: input.code });
        if (!mounted.current) return;
        if (outcome.status === 'refused') dispatch({ type: 'RECOVERY_REFUSED', refusal: outcome.refusal });
        else if (outcome.status === 'failed') dispatch({ type: 'FAILED', error: outcome.error });
        else {
          redeemed = true;
          credentials.current = given;
          dispatch({ type: 'RECOVERY_REDEEMED' });
        }
      }).then(() => {
        // The code is spent and MFA reset: sign in again with the same credentials.
        if (redeemed) void run(() => client.signIn(given), { username: given.username });
      });
    },
    [client, redeemCode, run, exclusive, dispatch, latest, mounted, busy],
  );

  return {
    state,
    step: state.step,
    status: state.status,
    error: state.error,
    attemptsLeft: attemptsLeft(state),
    lockedUntil: state.lockedUntil,
    rememberDevice,
    setRememberDevice,
    signIn,
    submitCode: answer,
    selectMethod: answer,
    submitEmail: answer,
    submitNewPassword,
    // Amplify has no call to abandon a challenge: the next signIn() replaces it.
    restart: useCallback(() => {
      credentials.current = null;
      dispatch({ type: 'RESTARTED' });
    }, [dispatch]),
    canResendCode: resendMethod !== undefined && credentials.current !== null,
    resendAvailableAt: state.resendAvailableAt,
    resendCode,
    codeResent: state.codeResent === true,
    canTryAnotherWay: state.offeredChoice === true && credentials.current !== null && codeStep !== undefined,
    tryAnotherWay,
    retry: useCallback(() => lastAction.current?.(), []),
    continueWith: useCallback((output: SignInOutput) => void accept(output), [accept]),
    canUseRecoveryCode: recovery !== undefined,
    startRecovery: useCallback(
      () => dispatch({ type: 'RECOVERY_REQUESTED', needsPassword: credentials.current === null }),
      [dispatch],
    ),
    cancelRecovery: useCallback(() => dispatch({ type: 'RECOVERY_CANCELLED' }), [dispatch]),
    redeemRecoveryCode,
    finishRecoveryEnrolment: useCallback(
      () => dispatch({ type: 'FOLLOW_UP', step: 'recovery-codes' }),
      [dispatch],
    ),
    finishRecoveryCodes: useCallback(() => {
      const output: SignInOutput = { isSignedIn: true, nextStep: { signInStep: 'DONE' } };
      dispatch({ type: 'STEP_RECEIVED', output });
      callbacks.current.onSignedIn?.(output);
    }, [dispatch]),
    signOut: useCallback(() => {
      void client.signOut().then(() => mounted.current && dispatch({ type: 'RESTARTED' }));
    }, [client, dispatch, mounted]),
  };
}
