import {
  callUpstream,
  internalError,
  type ProxyAnswer,
  type RecordingProxy,
  startRecordingProxy,
} from './cognitoProxy';

export interface AdminCognitoProxy extends RecordingProxy {
  /** Remembered devices per username, answered by AdminListDevices and removed by AdminForgetDevice. */
  devices: Map<string, string[]>;
  /** The next call of `target` answers 500 InternalErrorException. */
  failNext(target: string): void;
}

type Json = Record<string, unknown>;
interface MfaSettings {
  list: string[];
  preferred?: string;
}

const SETTINGS: Array<[string, string]> = [
  ['SoftwareTokenMfaSettings', 'SOFTWARE_TOKEN_MFA'],
  ['SMSMfaSettings', 'SMS_MFA'],
  ['EmailMfaSettings', 'EMAIL_OTP'],
];

/**
 * In front of cognito-local, recording every call, for the admin calls it lacks. It answers them as
 * Cognito documents:
 * - `AdminSetUserMFAPreference`: 200 `{}`; the settings are kept per user and shown in later
 *   `AdminGetUser` answers (`UserMFASettingList`, `PreferredMfaSetting`). Turning software-token MFA on
 *   needs a verified token, as in Cognito ("User has not verified software token mfa",
 *   InvalidParameterException): a user counts as verified when cognito-local itself lists
 *   `SOFTWARE_TOKEN_MFA` (it did `VerifySoftwareToken`), and disabling keeps that token.
 * - `AdminListDevices` / `AdminForgetDevice`: from `devices`.
 * Everything else goes to cognito-local unchanged.
 */
export async function startAdminCognitoProxy(upstream: string): Promise<AdminCognitoProxy> {
  const devices = new Map<string, string[]>();
  const overlay = new Map<string, MfaSettings>();
  const failing = new Set<string>();

  async function setPreference(body: Json): Promise<ProxyAnswer> {
    const username = String(body.Username);
    const base = await callUpstream(upstream, 'AdminGetUser', {
      UserPoolId: body.UserPoolId,
      Username: username,
    });
    if (base.status !== 200) return base;
    const verified = ((base.body.UserMFASettingList as string[] | undefined) ?? []).includes(
      'SOFTWARE_TOKEN_MFA',
    );
    const current = overlay.get(username) ?? {
      list: (base.body.UserMFASettingList as string[] | undefined) ?? [],
      preferred: base.body.PreferredMfaSetting as string | undefined,
    };
    const list = new Set(current.list);
    let preferred = current.preferred;
    for (const [field, name] of SETTINGS) {
      const setting = body[field] as { Enabled?: boolean; PreferredMfa?: boolean } | undefined;
      if (!setting) continue;
      if (setting.Enabled && name === 'SOFTWARE_TOKEN_MFA' && !verified)
        return {
          status: 400,
          body: { __type: 'InvalidParameterException', message: 'User has not verified software token mfa' },
        };
      if (setting.Enabled) list.add(name);
      else list.delete(name);
      if (setting.PreferredMfa) preferred = name;
      else if (preferred === name) preferred = undefined;
    }
    overlay.set(username, { list: [...list], ...(preferred ? { preferred } : {}) });
    return { status: 200, body: {} };
  }

  async function answer(target: string, body: Json): Promise<ProxyAnswer | undefined> {
    if (failing.delete(target)) return internalError();
    if (target === 'AdminSetUserMFAPreference') return setPreference(body);
    if (target === 'AdminListDevices') {
      const keys = devices.get(String(body.Username)) ?? [];
      return { status: 200, body: { Devices: keys.map((DeviceKey) => ({ DeviceKey })) } };
    }
    if (target === 'AdminForgetDevice') {
      const username = String(body.Username);
      devices.set(
        username,
        (devices.get(username) ?? []).filter((key) => key !== body.DeviceKey),
      );
      return { status: 200, body: {} };
    }
    if (target === 'AdminGetUser') {
      const base = await callUpstream(upstream, target, body);
      const settings = overlay.get(String(body.Username));
      if (base.status !== 200 || !settings) return base;
      const patched: Json = { ...base.body, UserMFASettingList: settings.list };
      if (settings.preferred) patched.PreferredMfaSetting = settings.preferred;
      else delete patched.PreferredMfaSetting;
      return { status: 200, body: patched };
    }
    return undefined;
  }

  const proxy = await startRecordingProxy(upstream, answer);
  return {
    ...proxy,
    devices,
    failNext: (target) => {
      failing.add(target);
    },
  };
}
