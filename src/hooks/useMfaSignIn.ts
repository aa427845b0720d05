import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { useMfaContext } from '../context/mfaContext.js';
import { attemptsLeft, lockoutMs } from '../core/codeRules.js';
import { MfaError, toMfaError } from '../core/errors.js';
import { initialSignInState, type SignInState, signInError, signInReducer } from '../core/flows/signIn.js';
import type { AuthClient, MfaMethod, SignInOutput, SignInStep } from '../ports.js';
import { useRecoveryRedeem } from './useRecoveryRedeem.js';

export interface UseMfaSignInOptions {
  /** A `nextStep` from the host's own `signIn()`: start at that step instead of the password form. */
  initialStep?: SignInStep;
  username?: string;
  /** After DONE (and after remembering the device when asked). */
  onSignedIn?: (output: SignInOutput) => void;
  /** Steps mfa-kit does not handle (custom challenge, reset password, passwordless first factor). */
  onUnhandledStep?: (nextStep: SignInStep) => void;
  /**
   * The account exists but its sign-up was never confirmed (`UserNotConfirmedException`, which
   * Amplify turns into the CONFIRM_SIGN_UP step). The host routes to its confirmation screen.
   */
  onUserNotConfirmed?: (username: string) => void;
  /** Seconds before an SMS or email code can be sent again. Default 30. */
  resendCooldownSeconds?: number;
}

/** The answer to CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED. */
export interface NewPasswordInput {
  password: string;
  /** Values for the attributes Cognito listed in `missingAttributes`, by attribute name. */
  attributes?: Record<string, string>;
}

export interface MfaSignInApi {
  state: SignInState;
  step: SignInState['step'];
  status: SignInState['status'];
  error: MfaError | undefined;
  attemptsLeft: number | undefined;
  /** Epoch ms until which Cognito refuses attempts (estimated from its lockout rule), if locked. */
  lockedUntil: number | undefined;
  /** Whether to remember this device after sign-in succeeds. */
  rememberDevice: boolean;
  setRememberDevice(remember: boolean): void;
  signIn(credentials: { username: string; password: string }): void;
  submitCode(code: string): void;
  selectMethod(method: MfaMethod): void;
  submitEmail(email: string): void;
  /** Sets the new password (and missing attributes) of a user who signed in with a temporary one. */
  submitNewPassword(input: NewPasswordInput): void;
  /** Back to the password form, username kept: the pending challenge is abandoned. */
  restart(): void;
  /** Whether "Resend code" is possible: an SMS or email code step, with the password still in memory. */
  canResendCode: boolean;
  /** Epoch ms from which the code may be sent again (the cooldown), on SMS and email code steps. */
  resendAvailableAt: number | undefined;
  /** Sends a new SMS or email code by signing in again; the previous code stops working. */
  resendCode(): void;
  /** The code on screen was just resent. */
  codeResent: boolean;
  /** Repeats the last call after a failure that can be retried. */
  retry(): void;
  /** Signs out the current user (after ALREADY_SIGNED_IN). */
  signOut(): void;
  /** Continues with an output obtained elsewhere (TotpSetup answers its step itself). */
  continueWith(output: SignInOutput): void;
  /**
   * Whether the user may switch to another method: Cognito offered a choice earlier in this
   * sign-in and the password is still in memory to ask again.
   */
  canTryAnotherWay: boolean;
  /** Signs in again with the same credentials so Cognito offers the method choice again. */
  tryAnotherWay(): void;
  /** The provider has a recovery-code adapter, so a lost authenticator can be bypassed once. */
  canUseRecoveryCode: boolean;
  /** Opens the recovery-code step (asking for the password when it is not kept). */
  startRecovery(): void;
  /** Back to the challenge the user came from. */
  cancelRecovery(): void;
  /** Redeems a code, then signs in again with the same credentials; MFA must be set up anew. */
  redeemRecoveryCode(input: { code: string; password?: string }): void;
  /** The authenticator was enrolled again after recovery: show the new codes next. */
  finishRecoveryEnrolment(): void;
  /** The user saved the new codes: sign-in is complete. */
  finishRecoveryCodes(): void;
}

const codeMethods: Partial<Record<SignInStep['signInStep'], MfaMethod>> = {
  CONFIRM_SIGN_IN_WITH_SMS_CODE: 'SMS',
  CONFIRM_SIGN_IN_WITH_EMAIL_CODE: 'EMAIL',
};

export function useMfaSignIn({
  initialStep,
  username = '',
  onSignedIn,
  onUnhandledStep,
  onUserNotConfirmed,
  resendCooldownSeconds = 30,
}: UseMfaSignInOptions = {}): MfaSignInApi {
  const { client, recovery } = useMfaContext('useMfaSignIn');
  const redeemCode = useRecoveryRedeem();
  const [state, dispatch] = useReducer(signInReducer, undefined, () => {
    const initial = initialSignInState(username);
    return initialStep
      ? signInReducer(initial, {
          type: 'STEP_RECEIVED',
          output: { isSignedIn: false, nextStep: initialStep },
        })
      : initial;
  });
  const [rememberDevice, setRememberDevice] = useState(false);
  const [lockedUntil, setLockedUntil] = useState<number | undefined>();
  const [resendAvailableAt, setResendAvailableAt] = useState<number | undefined>();
  const [codeResent, setCodeResent] = useState(false);
  const resending = useRef(false);
  const usernameRef = useRef(state.username);
  usernameRef.current = state.username;
  const lastAction = useRef<(() => void) | null>(null);
  const stepRef = useRef(state.step.name);
  stepRef.current = state.step.name;
  const recoveringRef = useRef(state.recovering);
  recoveringRef.current = state.recovering;
  // Kept in memory only, for "Try another way" and "Resend code"; dropped once signed in or restarted.
  const credentials = useRef<{ username: string; password: string } | null>(null);
  const [offeredChoice, setOfferedChoice] = useState(false);
  const busy = useRef(false);
  const mounted = useRef(true);
  const callbacks = useRef({
    onSignedIn,
    onUnhandledStep,
    onUserNotConfirmed,
    rememberDevice,
    resendCooldownSeconds,
  });
  callbacks.current = {
    onSignedIn,
    onUnhandledStep,
    onUserNotConfirmed,
    rememberDevice,
    resendCooldownSeconds,
  };

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const notConfirmed = useCallback(() => {
    const username = credentials.current?.username ?? usernameRef.current;
    credentials.current = null;
    dispatch({ type: 'FAILED', error: new MfaError('USER_NOT_CONFIRMED') });
    callbacks.current.onUserNotConfirmed?.(username);
  }, []);

  // A host-provided step mfa-kit does not render goes straight back to the host.
  const initialStepRef = useRef(initialStep);
  useEffect(() => {
    const step = initialStepRef.current;
    if (step?.signInStep === 'CONFIRM_SIGN_UP') notConfirmed();
    else if (step && !isHandled(step)) callbacks.current.onUnhandledStep?.(step);
  }, [notConfirmed]);

  const accept = useCallback(
    async (output: SignInOutput) => {
      if (output.nextStep.signInStep === 'DONE' && callbacks.current.rememberDevice) {
        await client.rememberDevice().catch(() => {
          // Signed in either way; the device is simply not remembered.
        });
      }
      if (!mounted.current) return;
      setLockedUntil(undefined);
      setCodeResent(resending.current);
      const codeMethod = codeMethods[output.nextStep.signInStep];
      setResendAvailableAt(
        codeMethod ? Date.now() + callbacks.current.resendCooldownSeconds * 1000 : undefined,
      );
      if (output.nextStep.signInStep === 'CONFIRM_SIGN_UP') {
        // Amplify's answer to UserNotConfirmedException: say so on the password form and tell the host.
        notConfirmed();
        return;
      }
      if (output.nextStep.signInStep === 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION') setOfferedChoice(true);
      if (output.nextStep.signInStep === 'DONE') credentials.current = null;
      if (output.nextStep.signInStep === 'DONE' && recovery) {
        // After a recovery code, or a first enrolment, the user needs (new) recovery codes before going on.
        const followUp = recoveringRef.current
          ? await recoveryFollowUp(client)
          : stepRef.current === 'totp-setup'
            ? 'recovery-codes'
            : undefined;
        if (followUp && mounted.current) {
          dispatch({ type: 'FOLLOW_UP', step: followUp });
          return;
        }
      }
      dispatch({ type: 'STEP_RECEIVED', output });
      if (output.nextStep.signInStep === 'DONE') callbacks.current.onSignedIn?.(output);
      else if (!isHandled(output.nextStep)) callbacks.current.onUnhandledStep?.(output.nextStep);
    },
    [client, recovery, notConfirmed],
  );

  const run = useCallback(
    async (call: () => Promise<SignInOutput>, submittedUsername?: string) => {
      // One request at a time: a double click or a second Enter does nothing.
      if (busy.current) return;
      busy.current = true;
      lastAction.current = () => void run(call);
      dispatch({ type: 'SUBMITTED', username: submittedUsername });
      try {
        await accept(await call());
      } catch (error) {
        if (!mounted.current) return;
        const mfaError = signInError(toMfaError(error), stepRef.current);
        if (mfaError.code === 'USER_NOT_CONFIRMED') {
          notConfirmed();
          return;
        }
        dispatch({ type: 'FAILED', error: mfaError });
        if (mfaError.code === 'LOCKED_OUT') setLockedUntil(Date.now() + lockoutMs(state.failedAttempts + 1));
      } finally {
        busy.current = false;
        resending.current = false;
      }
    },
    [accept, notConfirmed, state.failedAttempts],
  );

  const signIn = useCallback(
    (given: { username: string; password: string }) => {
      credentials.current = given;
      setOfferedChoice(false);
      void run(() => client.signIn(given), given.username);
    },
    [client, run],
  );
  const tryAnotherWay = useCallback(() => {
    const given = credentials.current;
    if (given) void run(() => client.signIn(given), given.username);
  }, [client, run]);
  const answer = useCallback(
    (challengeResponse: string) => void run(() => client.confirmSignIn({ challengeResponse })),
    [client, run],
  );
  const retry = useCallback(() => lastAction.current?.(), []);

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
    resending.current = true;
    void run(async () => {
      // Cognito has no resend call for sign-in MFA codes (ResendConfirmationCode is for sign-up):
      // signing in again with the password kept in memory makes it send a fresh code, and the
      // new sign-in replaces the old challenge, so the previous code stops working.
      const output = await client.signIn(given);
      const { nextStep } = output;
      if (
        nextStep.signInStep === 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION' &&
        nextStep.allowedMFATypes?.includes(resendMethod)
      ) {
        // The user had chosen this method from a list: choose it again.
        return client.confirmSignIn({ challengeResponse: resendMethod });
      }
      return output;
    }, given.username);
  }, [client, run, resendMethod]);

  const redeemRecoveryCode = useCallback(
    (input: { code: string; password?: string }) => {
      const password = input.password ?? credentials.current?.password;
      if (!redeemCode || busy.current || password === undefined) return;
      const given = { username: state.username, password };
      busy.current = true;
      lastAction.current = () => redeemRecoveryCode(input);
      dispatch({ type: 'SUBMITTED' });
      void (async () => {
        const outcome = await redeemCode({ ...given, code: input.code });
        busy.current = false;
        if (!mounted.current) return;
        if (outcome.status === 'refused') dispatch({ type: 'RECOVERY_REFUSED', refusal: outcome.refusal });
        else if (outcome.status === 'failed') dispatch({ type: 'FAILED', error: outcome.error });
        else {
          credentials.current = given;
          dispatch({ type: 'RECOVERY_REDEEMED' });
          recoveringRef.current = true;
          // The code is spent and MFA reset: sign in again with the same credentials.
          void run(() => client.signIn(given), given.username);
        }
      })();
    },
    [client, redeemCode, run, state.username],
  );

  return {
    state,
    step: state.step,
    status: state.status,
    error: state.error,
    attemptsLeft: attemptsLeft(state),
    lockedUntil,
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
      setLockedUntil(undefined);
      setResendAvailableAt(undefined);
      setCodeResent(false);
      dispatch({ type: 'RESTARTED' });
    }, []),
    canResendCode: resendMethod !== undefined && credentials.current !== null,
    resendAvailableAt,
    resendCode,
    codeResent,
    canTryAnotherWay: offeredChoice && credentials.current !== null && state.step.name === 'code',
    tryAnotherWay,
    retry,
    continueWith: useCallback((output: SignInOutput) => void accept(output), [accept]),
    canUseRecoveryCode: recovery !== undefined,
    startRecovery: useCallback(
      () => dispatch({ type: 'RECOVERY_REQUESTED', needsPassword: credentials.current === null }),
      [],
    ),
    cancelRecovery: useCallback(() => dispatch({ type: 'RECOVERY_CANCELLED' }), []),
    redeemRecoveryCode,
    finishRecoveryEnrolment: useCallback(() => dispatch({ type: 'FOLLOW_UP', step: 'recovery-codes' }), []),
    finishRecoveryCodes: useCallback(() => {
      const output: SignInOutput = { isSignedIn: true, nextStep: { signInStep: 'DONE' } };
      dispatch({ type: 'STEP_RECEIVED', output });
      callbacks.current.onSignedIn?.(output);
    }, []),
    signOut: useCallback(() => {
      void client.signOut().then(() => mounted.current && dispatch({ type: 'RESTARTED' }));
    }, [client]),
  };
}

/** MFA was reset by the redeem: enrol again, unless the pool already made the user do it during sign-in. */
async function recoveryFollowUp(client: AuthClient): Promise<'recovery-enrol' | 'recovery-codes'> {
  const preference = await client.fetchMFAPreference().catch(() => ({ enabled: [] as MfaMethod[] }));
  return preference.enabled?.includes('TOTP') ? 'recovery-codes' : 'recovery-enrol';
}

function isHandled(step: SignInStep): boolean {
  return ![
    'CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE',
    'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION',
    'CONFIRM_SIGN_IN_WITH_PASSWORD',
    'RESET_PASSWORD',
  ].includes(step.signInStep);
}
