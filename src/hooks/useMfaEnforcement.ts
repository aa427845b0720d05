import { useCallback, useEffect, useRef, useState } from 'react';
import { useMfaContext } from '../context/mfaContext.js';
import { MfaError, toMfaError } from '../core/errors.js';
import { mfaStatusFromClaims } from '../core/mfaClaims.js';
import { evaluateMfaCompliance, type MfaCompliance, type MfaPolicy } from '../core/mfaPolicy.js';
import type { AuthSession, MfaMethod } from '../ports.js';

export interface UseMfaEnforcementOptions {
  /** The same policy the Pre Token Generation trigger (`mfaPreTokenGeneration`) runs. */
  policy: MfaPolicy;
  /** Time source (epoch ms). Default `Date.now`. */
  now?: () => number;
}

export interface MfaEnforcementApi {
  /** 'loading' and 'error' while the session and MFA settings are read; then the policy's verdict. */
  status: 'loading' | 'error' | MfaCompliance['status'];
  compliance: MfaCompliance | undefined;
  error: MfaError | undefined;
  /** The user's groups (`cognito:groups` of the ID token). */
  groups: readonly string[];
  /** The user's email or username from the ID token, for the authenticator app's label. */
  accountName: string | undefined;
  /** Reads again after a failure. */
  retry(): void;
  /**
   * Reads again with fresh tokens (`fetchAuthSession({ forceRefresh: true })`), e.g. right after
   * setup, so the token's MFA claims say what the server will now see.
   */
  refresh(): Promise<void>;
}

function groupsOf(session: AuthSession): string[] {
  const groups =
    session.tokens?.idToken?.payload['cognito:groups'] ??
    session.tokens?.accessToken.payload['cognito:groups'];
  return Array.isArray(groups) ? groups.filter((group): group is string => typeof group === 'string') : [];
}

function accountOf(session: AuthSession): string | undefined {
  const payload = session.tokens?.idToken?.payload ?? {};
  const name = payload.email ?? payload['cognito:username'] ?? session.tokens?.accessToken.payload.username;
  return typeof name === 'string' ? name : undefined;
}

/**
 * Where the signed-in user stands against an `MfaPolicy`. Groups and the grace deadline come from the
 * ID token (`cognito:groups`, `mfa_grace_until` written by the trigger: the token carries the grace);
 * the methods from `fetchMFAPreference`, so a factor set up a moment ago counts at once. Without the
 * trigger's claims, grace is counted from the policy start (the browser cannot see the account's
 * creation date). This is the user experience: the server checks the token's claims itself.
 */
export function useMfaEnforcement({ policy, now = Date.now }: UseMfaEnforcementOptions): MfaEnforcementApi {
  const { client } = useMfaContext('useMfaEnforcement');
  const [state, setState] = useState<{
    status: 'loading' | 'error' | 'ready';
    compliance?: MfaCompliance;
    error?: MfaError;
    groups: string[];
    accountName?: string;
  }>({ status: 'loading', groups: [] });
  const nowRef = useRef(now);
  nowRef.current = now;
  const generation = useRef(0);

  const load = useCallback(
    async (forceRefresh: boolean) => {
      generation.current += 1;
      const mine = generation.current;
      setState((previous) => ({ ...previous, status: previous.compliance ? previous.status : 'loading' }));
      try {
        const [session, preference] = await Promise.all([
          client.fetchAuthSession(forceRefresh ? { forceRefresh } : undefined),
          client.fetchMFAPreference(),
        ]);
        if (mine !== generation.current) return;
        // Signed out (or the session could not be restored): no roles to read, so nothing is allowed.
        if (!session.tokens) throw new MfaError('SIGNED_OUT');
        const at = nowRef.current();
        const groups = groupsOf(session);
        const fromToken = mfaStatusFromClaims(session.tokens?.idToken?.payload ?? {}, at);
        const graceUntil =
          fromToken.status === 'grace' || fromToken.status === 'past_grace'
            ? fromToken.graceUntil
            : undefined;
        const compliance = evaluateMfaCompliance(policy, {
          groups,
          enabledMethods: (preference.enabled ?? []) as MfaMethod[],
          graceUntil,
          now: at,
        });
        setState({ status: 'ready', compliance, groups, accountName: accountOf(session) });
      } catch (error) {
        if (mine !== generation.current) return;
        setState((previous) => ({ ...previous, status: 'error', error: toMfaError(error) }));
      }
    },
    [client, policy],
  );

  useEffect(() => {
    void load(false);
    return () => {
      generation.current += 1;
    };
  }, [load]);

  return {
    status:
      state.status === 'ready' && state.compliance
        ? state.compliance.status
        : state.status === 'ready'
          ? 'loading'
          : state.status,
    compliance: state.compliance,
    error: state.error,
    groups: state.groups,
    accountName: state.accountName,
    retry: useCallback(() => void load(false), [load]),
    refresh: useCallback(() => load(true), [load]),
  };
}
