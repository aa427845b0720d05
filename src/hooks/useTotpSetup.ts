import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useMfaContext } from '../context/mfaContext.js';
import { toMfaError } from '../core/errors.js';
import { initialTotpSetupState, type TotpSetupState, totpSetupReducer } from '../core/flows/totpSetup.js';
import { buildOtpauthUri } from '../core/otpauth.js';
import type { SignInOutput, TotpSetupDetails } from '../ports.js';
import { useAsyncGuard } from './useAsyncGuard.js';

export interface UseTotpSetupOptions {
  /** The account shown in the authenticator app, e.g. the user's email. */
  accountName: string;
  /** Overrides the provider's issuer. */
  issuer?: string;
  /** Name for this authenticator in Cognito. */
  friendlyDeviceName?: string;
  /**
   * Inside sign-in: `nextStep.totpSetupDetails` of CONTINUE_SIGN_IN_WITH_TOTP_SETUP; the code is then
   * answered with `confirmSignIn`. Without it, a signed-in user enrols with setUpTOTP/verifyTOTPSetup.
   */
  totpSetupDetails?: TotpSetupDetails;
  /** After the code verified (and, standalone, TOTP became the preferred method). */
  onVerified?: (result?: SignInOutput) => void;
}

export interface TotpSetupApi {
  state: TotpSetupState;
  status: TotpSetupState['status'];
  mode: 'standalone' | 'sign-in';
  secret: string | undefined;
  /** The otpauth:// URI for the QR code. */
  uri: string | undefined;
  issuer: string;
  accountName: string;
  /** True when the user already has an authenticator that this one will replace. */
  replacesExisting: boolean;
  submit(code: string): void;
  /** Retries the last code after a failure that can be retried (network, throttling). */
  retry(): void;
  /** Starts over with a new secret (standalone only; inside sign-in the host restarts sign-in). */
  restart(): void;
}

export function useTotpSetup({
  accountName,
  issuer: issuerOverride,
  friendlyDeviceName,
  totpSetupDetails,
  onVerified,
}: UseTotpSetupOptions): TotpSetupApi {
  const { client, issuer: providerIssuer } = useMfaContext('useTotpSetup');
  const issuer = issuerOverride ?? providerIssuer;
  const mode = totpSetupDetails ? 'sign-in' : 'standalone';
  const [state, dispatch] = useReducer(
    totpSetupReducer,
    totpSetupDetails?.sharedSecret,
    initialTotpSetupState,
  );
  const [attempt, setAttempt] = useState(0);
  const [replacesExisting, setReplacesExisting] = useState(false);
  const { mounted } = useAsyncGuard();
  const requestedAttempt = useRef(-1);
  // The code verified but setting the preference failed: a retry only redoes the preference.
  const verifiedSecret = useRef<string | null>(null);
  const onVerifiedRef = useRef(onVerified);
  onVerifiedRef.current = onVerified;

  useEffect(() => {
    // Once per attempt, even when StrictMode runs effects twice: every call makes a new secret.
    if (mode !== 'standalone' || requestedAttempt.current === attempt) return;
    requestedAttempt.current = attempt;
    dispatch({ type: 'SECRET_REQUESTED' });
    client.fetchMFAPreference().then(
      (preference) => mounted.current && setReplacesExisting(preference.enabled?.includes('TOTP') ?? false),
      () => {},
    );
    client.setUpTOTP().then(
      (details) => mounted.current && dispatch({ type: 'SECRET_RECEIVED', secret: details.sharedSecret }),
      (error: unknown) => mounted.current && dispatch({ type: 'SECRET_FAILED', error: toMfaError(error) }),
    );
  }, [attempt, client, mode, mounted]);

  const verify = useCallback(
    async (secret: string, code: string) => {
      dispatch({ type: 'VERIFY_REQUESTED', code });
      try {
        let result: SignInOutput | undefined;
        if (mode === 'sign-in') {
          result = await client.confirmSignIn({
            challengeResponse: code,
            options: friendlyDeviceName ? { friendlyDeviceName } : undefined,
          });
        } else {
          if (verifiedSecret.current !== secret) {
            await client.verifyTOTPSetup({
              code,
              options: friendlyDeviceName ? { friendlyDeviceName } : undefined,
            });
            verifiedSecret.current = secret;
          }
          // verifyTOTPSetup sets no preference; without this Cognito would not ask for the code.
          await client.updateMFAPreference({ totp: 'PREFERRED' });
        }
        if (!mounted.current) return;
        dispatch({ type: 'VERIFIED' });
        onVerifiedRef.current?.(result);
      } catch (error) {
        if (mounted.current) dispatch({ type: 'VERIFY_FAILED', error: toMfaError(error) });
      }
    },
    [client, friendlyDeviceName, mode, mounted],
  );

  const submit = useCallback(
    (code: string) => {
      if (state.status === 'scan') void verify(state.secret, code);
    },
    [state, verify],
  );

  const retry = useCallback(() => {
    if (state.status === 'scan' && state.lastCode) void verify(state.secret, state.lastCode);
  }, [state, verify]);

  const restart = useCallback(() => {
    if (mode === 'standalone') {
      verifiedSecret.current = null;
      setAttempt((n) => n + 1);
    }
  }, [mode]);

  const secret = state.status === 'scan' || state.status === 'verifying' ? state.secret : undefined;
  const uri = useMemo(
    () => (secret ? buildOtpauthUri({ issuer, accountName, secret }) : undefined),
    [issuer, accountName, secret],
  );

  return {
    state,
    status: state.status,
    mode,
    secret,
    uri,
    issuer,
    accountName,
    replacesExisting,
    submit,
    retry,
    restart,
  };
}
