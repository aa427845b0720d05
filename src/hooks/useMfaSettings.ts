import { useCallback, useEffect, useState } from 'react';
import { useMfaContext } from '../context/mfaContext.js';
import { useOptionalStepUpGuard } from '../context/stepUpContext.js';
import { isStepUpCancelled, type MfaError, toMfaError } from '../core/errors.js';
import { MFA_METHODS } from '../core/mfaMethods.js';
import { type MfaPolicy, mfaRequirementFor } from '../core/mfaPolicy.js';
import { enMethodPicker } from '../i18n/enLeaves.js';
import { enSettings } from '../i18n/enSettings.js';
import type { AuthDevice, MfaMethod, UpdateMfaPreferenceInput, UserAttributes } from '../ports.js';
import { useAsyncGuard } from './useAsyncGuard.js';

export type MfaMethodStatus = 'preferred' | 'on' | 'off';

/** Why turning a method off is refused. */
export type TurnOffRefusal =
  /** The pool requires MFA (ON) and this is the last method. */
  | 'pool_requires_mfa'
  /** The user's role requires MFA and no other accepted method would stay on. */
  | 'role_requires_mfa';

export interface MfaMethodState {
  method: MfaMethod;
  status: MfaMethodStatus;
  /** The phone number or email address on file (as Cognito holds it). */
  destination?: string;
  /** The phone number or email address is verified. */
  verified: boolean;
  /** Set when turning this method off would be refused, and why. */
  turnOffRefusal?: TurnOffRefusal;
}

type Section<T> =
  | { status: 'loading'; data?: T; error?: undefined }
  | { status: 'ready'; data: T; error?: undefined }
  | { status: 'error'; data?: T; error: MfaError };

export interface UseMfaSettingsOptions {
  /** Methods shown, in this order. Default TOTP, SMS, EMAIL; leave out EMAIL when the pool has no email MFA. */
  methods?: readonly MfaMethod[];
  /** The pool's MFA configuration. With 'ON', the last method cannot be turned off. */
  poolMfa?: 'ON' | 'OPTIONAL';
  /** The role policy: a user whose role requires MFA keeps at least one accepted method on. */
  policy?: MfaPolicy;
}

export interface MfaSettingsApi {
  methods: Section<MfaMethodState[]>;
  devices: Section<AuthDevice[]>;
  /** A change in progress ('TOTP:off', 'SMS:preferred', 'device:ID'…), for busy states. */
  pending: string | undefined;
  /** The last failed change, with what it was, until the next change. */
  changeError: { action: string; error: MfaError } | undefined;
  /** The last refused turn-off, with its reason. */
  refusal: { method: MfaMethod; reason: TurnOffRefusal } | undefined;
  /** Methods the user's role accepts (all when no policy or not required). */
  allowedMethods: readonly MfaMethod[];
  reloadMethods(): void;
  reloadDevices(): void;
  setPreferred(method: MfaMethod): Promise<void>;
  /** Turns a method on whose address is already verified (no new code needed). */
  turnOn(method: Exclude<MfaMethod, 'TOTP'>): Promise<void>;
  /** Refused (see `refusal`) when it would leave the user without MFA they must have; behind step-up. */
  turnOff(method: MfaMethod): Promise<void>;
  forgetDevice(device: AuthDevice): Promise<void>;
  /**
   * Runs a sensitive change behind `useStepUp().guard` when a `<StepUpProvider>` is present (always
   * asks: risk 100; `reason` is shown in the prompt). Resolves false when the user cancelled or it
   * failed (then `changeError` names `action`, e.g. 'TOTP:replace').
   */
  guardSensitive(action: string, reason: string, run: () => void | Promise<void>): Promise<boolean>;
}

const ALL = MFA_METHODS;
const preferenceKey = { TOTP: 'totp', SMS: 'sms', EMAIL: 'email' } as const;
const methodLabel = { TOTP: 'methods.totp', SMS: 'methods.sms', EMAIL: 'methods.email' } as const;

function methodStates(
  shown: readonly MfaMethod[],
  enabled: readonly MfaMethod[],
  preferred: MfaMethod | undefined,
  attributes: UserAttributes,
  rules: { poolMfa?: 'ON' | 'OPTIONAL'; required: boolean; allowed: readonly MfaMethod[] },
): MfaMethodState[] {
  return shown.map((method) => {
    const on = enabled.includes(method);
    const others = enabled.filter((m) => m !== method);
    let turnOffRefusal: TurnOffRefusal | undefined;
    if (
      on &&
      rules.required &&
      rules.allowed.includes(method) &&
      !others.some((m) => rules.allowed.includes(m))
    )
      turnOffRefusal = 'role_requires_mfa';
    else if (on && rules.poolMfa === 'ON' && others.length === 0) turnOffRefusal = 'pool_requires_mfa';
    const attribute = method === 'SMS' ? 'phone_number' : method === 'EMAIL' ? 'email' : undefined;
    return {
      method,
      status: on ? (preferred === method ? 'preferred' : 'on') : 'off',
      destination: attribute ? attributes[attribute] : undefined,
      verified: attribute ? attributes[`${attribute}_verified`] === 'true' : true,
      ...(turnOffRefusal ? { turnOffRefusal } : {}),
    };
  });
}

/**
 * The signed-in user's MFA settings: methods with their status (fetchMFAPreference and the user's
 * attributes), preferred method, turning methods on and off, remembered devices. Each section loads,
 * fails and retries on its own; a failed change keeps everything as it was.
 */
export function useMfaSettings({
  methods: shown = ALL,
  poolMfa,
  policy,
}: UseMfaSettingsOptions = {}): MfaSettingsApi {
  const { client, t } = useMfaContext('useMfaSettings', enSettings, enMethodPicker);
  const guard = useOptionalStepUpGuard();
  const [methods, setMethods] = useState<Section<MfaMethodState[]>>({ status: 'loading' });
  const [devices, setDevices] = useState<Section<AuthDevice[]>>({ status: 'loading' });
  const [pending, setPending] = useState<string>();
  const [changeError, setChangeError] = useState<MfaSettingsApi['changeError']>();
  const [refusal, setRefusal] = useState<MfaSettingsApi['refusal']>();
  const [allowedMethods, setAllowedMethods] = useState<readonly MfaMethod[]>(ALL);
  const { mounted } = useAsyncGuard();
  const shownKey = shown.join(',');

  const reloadMethods = useCallback(async () => {
    setMethods((previous) => ({ status: 'loading', data: previous.data }));
    try {
      const [preference, attributes, session] = await Promise.all([
        client.fetchMFAPreference(),
        client.fetchUserAttributes(),
        policy ? client.fetchAuthSession() : Promise.resolve(undefined),
      ]);
      const groups = session?.tokens?.idToken?.payload['cognito:groups'];
      const requirement = policy
        ? mfaRequirementFor(policy, Array.isArray(groups) ? groups.filter((g) => typeof g === 'string') : [])
        : { required: false, allowedMethods: ALL };
      if (!mounted.current) return;
      setAllowedMethods(requirement.required ? requirement.allowedMethods : ALL);
      setMethods({
        status: 'ready',
        data: methodStates(
          shownKey.split(',') as MfaMethod[],
          preference.enabled ?? [],
          preference.preferred,
          attributes,
          { poolMfa, required: requirement.required, allowed: requirement.allowedMethods },
        ),
      });
    } catch (error) {
      if (mounted.current)
        setMethods((previous) => ({ status: 'error', data: previous.data, error: toMfaError(error) }));
    }
  }, [client, mounted, policy, poolMfa, shownKey]);

  const reloadDevices = useCallback(async () => {
    setDevices((previous) => ({ status: 'loading', data: previous.data }));
    try {
      const list = await client.fetchDevices();
      if (mounted.current) setDevices({ status: 'ready', data: list });
    } catch (error) {
      if (mounted.current)
        setDevices((previous) => ({ status: 'error', data: previous.data, error: toMfaError(error) }));
    }
  }, [client, mounted]);

  useEffect(() => {
    void reloadMethods();
  }, [reloadMethods]);
  useEffect(() => {
    void reloadDevices();
  }, [reloadDevices]);

  const change = useCallback(
    async (action: string, work: () => Promise<void>, after: () => Promise<void>) => {
      setPending(action);
      setChangeError(undefined);
      setRefusal(undefined);
      try {
        await work();
        await after();
      } catch (error) {
        if (isStepUpCancelled(error)) return;
        if (mounted.current) setChangeError({ action, error: toMfaError(error) });
      } finally {
        if (mounted.current) setPending(undefined);
      }
    },
    [mounted],
  );

  const guardSensitive = useCallback(
    async (action: string, reason: string, run: () => void | Promise<void>) => {
      try {
        if (guard) await guard(() => run(), { riskScore: 100, reason });
        else await run();
        return true;
      } catch (error) {
        if (!isStepUpCancelled(error) && mounted.current)
          setChangeError({ action, error: toMfaError(error) });
        return false;
      }
    },
    [guard, mounted],
  );

  const setPreference = (
    method: MfaMethod,
    value: UpdateMfaPreferenceInput[keyof UpdateMfaPreferenceInput],
  ) => client.updateMFAPreference({ [preferenceKey[method]]: value });

  return {
    methods,
    devices,
    pending,
    changeError,
    refusal,
    allowedMethods,
    reloadMethods: () => void reloadMethods(),
    reloadDevices: () => void reloadDevices(),
    setPreferred: (method) =>
      change(`${method}:preferred`, () => setPreference(method, 'PREFERRED'), reloadMethods),
    turnOn: (method) => change(`${method}:on`, () => setPreference(method, 'ENABLED'), reloadMethods),
    turnOff: async (method) => {
      const current = methods.data?.find((state) => state.method === method);
      if (current?.turnOffRefusal) {
        setChangeError(undefined);
        setRefusal({ method, reason: current.turnOffRefusal });
        return;
      }
      const reason = t('settings.reasonTurnOff', { method: t(methodLabel[method]) });
      await change(
        `${method}:off`,
        async () => {
          if (guard) await guard(() => setPreference(method, 'DISABLED'), { riskScore: 100, reason });
          else await setPreference(method, 'DISABLED');
        },
        reloadMethods,
      );
    },
    forgetDevice: (device) =>
      change(`device:${device.id}`, () => client.forgetDevice({ device: { id: device.id } }), reloadDevices),
    guardSensitive,
  };
}
