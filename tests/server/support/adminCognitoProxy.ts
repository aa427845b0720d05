import { createServer, request as forward } from 'node:http';
import type { RecordedCall } from './cognitoProxy';

export interface AdminCognitoProxy {
  endpoint: string;
  calls: RecordedCall[];
  /** Remembered devices per username, answered by AdminListDevices and removed by AdminForgetDevice. */
  devices: Map<string, string[]>;
  /** The next call of `target` answers 500 InternalErrorException. */
  failNext(target: string): void;
  stop(): Promise<void>;
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
  const calls: RecordedCall[] = [];
  const devices = new Map<string, string[]>();
  const overlay = new Map<string, MfaSettings>();
  const failing = new Set<string>();

  function upstreamCall(target: string, body: Json): Promise<{ status: number; body: Json }> {
    return new Promise((resolve, reject) => {
      const url = new URL('/', upstream);
      const out = forward(
        url,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/x-amz-json-1.1',
            'x-amz-target': `AWSCognitoIdentityProviderService.${target}`,
          },
        },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => chunks.push(chunk));
          answer.on('end', () =>
            resolve({
              status: answer.statusCode ?? 502,
              body: JSON.parse(Buffer.concat(chunks).toString() || '{}') as Json,
            }),
          );
        },
      );
      out.on('error', reject);
      out.end(JSON.stringify(body));
    });
  }

  async function setPreference(body: Json): Promise<{ status: number; body: Json }> {
    const username = String(body.Username);
    const base = await upstreamCall('AdminGetUser', { UserPoolId: body.UserPoolId, Username: username });
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

  async function answer(target: string, body: Json): Promise<{ status: number; body: Json } | undefined> {
    if (failing.delete(target))
      return { status: 500, body: { __type: 'InternalErrorException', message: 'boom' } };
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
      const base = await upstreamCall(target, body);
      const settings = overlay.get(String(body.Username));
      if (base.status !== 200 || !settings) return base;
      const patched: Json = { ...base.body, UserMFASettingList: settings.list };
      if (settings.preferred) patched.PreferredMfaSetting = settings.preferred;
      else delete patched.PreferredMfaSetting;
      return { status: 200, body: patched };
    }
    return undefined;
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const target =
        String(req.headers['x-amz-target'] ?? '')
          .split('.')
          .pop() ?? '';
      const body = raw.length ? (JSON.parse(raw.toString()) as Json) : {};
      calls.push({ target, body });
      answer(target, body).then(
        (own) => {
          if (own) {
            res.writeHead(own.status, { 'content-type': 'application/x-amz-json-1.1' });
            res.end(JSON.stringify(own.body));
            return;
          }
          const url = new URL(req.url ?? '/', upstream);
          const out = forward(
            url,
            { method: req.method, headers: { ...req.headers, host: url.host } },
            (up) => {
              res.writeHead(up.statusCode ?? 502, up.headers);
              up.pipe(res);
            },
          );
          out.on('error', () => {
            res.writeHead(502);
            res.end();
          });
          out.end(raw);
        },
        () => {
          res.writeHead(502);
          res.end();
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    devices,
    failNext: (target) => {
      failing.add(target);
    },
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
