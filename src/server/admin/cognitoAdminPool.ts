import type {
  AdminGetUserCommandOutput,
  CognitoIdentityProviderClient,
  GetUserPoolMfaConfigCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import type { MfaMethod, PoolMfaConfig } from '../../ports.js';
import type { AdminPool, PoolUser } from './pool.js';

export interface CognitoAdminPoolOptions {
  /**
   * An SDK v3 client allowed cognito-idp:GetUserPoolMfaConfig, SetUserPoolMfaConfig, ListUsers,
   * AdminGetUser, AdminListGroupsForUser, AdminSetUserMFAPreference, AdminListDevices and
   * AdminForgetDevice on the pool.
   */
  cognito: CognitoIdentityProviderClient;
  userPoolId: string;
}

const methodOfSetting: Record<string, MfaMethod> = {
  SOFTWARE_TOKEN_MFA: 'TOTP',
  SMS_MFA: 'SMS',
  EMAIL_OTP: 'EMAIL',
};

const iso = (date: Date | undefined) => (date ? new Date(date).toISOString() : undefined);

function mfaConfigFrom(answer: GetUserPoolMfaConfigCommandOutput): PoolMfaConfig {
  const methods: MfaMethod[] = [];
  if (answer.SoftwareTokenMfaConfiguration?.Enabled) methods.push('TOTP');
  // Cognito reports SMS as configured when it has an SMS configuration (a role to send with).
  if (answer.SmsMfaConfiguration?.SmsConfiguration?.SnsCallerArn) methods.push('SMS');
  if (answer.EmailMfaConfiguration?.Message !== undefined || answer.EmailMfaConfiguration?.Subject)
    methods.push('EMAIL');
  return { mode: (answer.MfaConfiguration ?? 'OFF') as PoolMfaConfig['mode'], methods };
}

function userFrom(answer: AdminGetUserCommandOutput, groups: string[]): PoolUser {
  const attribute = (name: string) => answer.UserAttributes?.find((entry) => entry.Name === name)?.Value;
  const methods = (answer.UserMFASettingList ?? [])
    .map((setting) => methodOfSetting[setting])
    .filter((method): method is MfaMethod => method !== undefined);
  const preferred = answer.PreferredMfaSetting ? methodOfSetting[answer.PreferredMfaSetting] : undefined;
  return {
    username: answer.Username ?? '',
    email: attribute('email'),
    hasPhone: attribute('phone_number') !== undefined,
    groups,
    methods,
    ...(preferred ? { preferred } : {}),
    createdAt: iso(answer.UserCreateDate),
    lastModifiedAt: iso(answer.UserLastModifiedDate),
  };
}

/** A Cognito `ListUsers` filter value: quotes and backslashes escaped. */
const filterValue = (text: string) => text.replaceAll('\\', '\\\\').replaceAll('"', '\\"');

/**
 * The pool side of the admin API over the AWS SDK v3. The SDK is loaded on first use, so
 * `mfa-kit/server` imports without it.
 */
export function cognitoAdminPool(options: CognitoAdminPoolOptions): AdminPool {
  const sdk = () => import('@aws-sdk/client-cognito-identity-provider');
  const UserPoolId = options.userPoolId;
  const send = options.cognito.send.bind(options.cognito) as (command: unknown) => Promise<unknown>;

  return {
    async getMfaConfig() {
      const { GetUserPoolMfaConfigCommand } = await sdk();
      return mfaConfigFrom(
        (await send(new GetUserPoolMfaConfigCommand({ UserPoolId }))) as GetUserPoolMfaConfigCommandOutput,
      );
    },

    async setMfaConfig(config) {
      const { SetUserPoolMfaConfigCommand, GetUserPoolMfaConfigCommand } = await sdk();
      // SMS and email need the pool's own sending configuration: keep what is there, only switch.
      const current = (await send(
        new GetUserPoolMfaConfigCommand({ UserPoolId }),
      )) as GetUserPoolMfaConfigCommandOutput;
      await send(
        new SetUserPoolMfaConfigCommand({
          UserPoolId,
          MfaConfiguration: config.mode,
          SoftwareTokenMfaConfiguration: { Enabled: config.methods.includes('TOTP') },
          ...(config.methods.includes('SMS') && current.SmsMfaConfiguration
            ? { SmsMfaConfiguration: current.SmsMfaConfiguration }
            : {}),
          ...(config.methods.includes('EMAIL') && current.EmailMfaConfiguration
            ? { EmailMfaConfiguration: current.EmailMfaConfiguration }
            : {}),
        }),
      );
    },

    async listUsernames({ cursor, limit, search }) {
      const { ListUsersCommand } = await sdk();
      const answer = (await send(
        new ListUsersCommand({
          UserPoolId,
          Limit: Math.min(Math.max(limit, 1), 60),
          ...(cursor ? { PaginationToken: cursor } : {}),
          ...(search ? { Filter: `username ^= "${filterValue(search)}"` } : {}),
        }),
      )) as { Users?: Array<{ Username?: string }>; PaginationToken?: string };
      return {
        usernames: (answer.Users ?? []).map((user) => user.Username ?? '').filter(Boolean),
        ...(answer.PaginationToken ? { cursor: answer.PaginationToken } : {}),
      };
    },

    async getUser(username) {
      const { AdminGetUserCommand, AdminListGroupsForUserCommand } = await sdk();
      let answer: AdminGetUserCommandOutput;
      try {
        answer = (await send(
          new AdminGetUserCommand({ UserPoolId, Username: username }),
        )) as AdminGetUserCommandOutput;
      } catch (error) {
        if (error instanceof Error && error.name === 'UserNotFoundException') return undefined;
        throw error;
      }
      const groups: string[] = [];
      let NextToken: string | undefined;
      do {
        const page = (await send(
          new AdminListGroupsForUserCommand({ UserPoolId, Username: username, Limit: 60, NextToken }),
        )) as { Groups?: Array<{ GroupName?: string }>; NextToken?: string };
        for (const group of page.Groups ?? []) if (group.GroupName) groups.push(group.GroupName);
        NextToken = page.NextToken;
      } while (NextToken);
      return userFrom(answer, groups);
    },

    async setUserMfa(username, settings, current) {
      const { AdminSetUserMFAPreferenceCommand } = await sdk();
      // Only the factors involved: a pool without email MFA refuses EmailMfaSettings altogether.
      const involved = new Set<MfaMethod>([...settings.methods, ...current.methods]);
      if (involved.size === 0) involved.add('TOTP');
      const setting = (method: MfaMethod) =>
        involved.has(method)
          ? {
              Enabled: settings.methods.includes(method),
              PreferredMfa: settings.preferred === method && settings.methods.includes(method),
            }
          : undefined;
      await send(
        new AdminSetUserMFAPreferenceCommand({
          UserPoolId,
          Username: username,
          SoftwareTokenMfaSettings: setting('TOTP'),
          SMSMfaSettings: setting('SMS'),
          EmailMfaSettings: setting('EMAIL'),
        }),
      );
    },

    async forgetDevices(username) {
      const { AdminListDevicesCommand, AdminForgetDeviceCommand } = await sdk();
      const keys: string[] = [];
      let PaginationToken: string | undefined;
      do {
        const page = (await send(
          new AdminListDevicesCommand({ UserPoolId, Username: username, Limit: 60, PaginationToken }),
        )) as { Devices?: Array<{ DeviceKey?: string }>; PaginationToken?: string };
        for (const device of page.Devices ?? []) if (device.DeviceKey) keys.push(device.DeviceKey);
        PaginationToken = page.PaginationToken;
      } while (PaginationToken);
      for (const DeviceKey of keys)
        await send(new AdminForgetDeviceCommand({ UserPoolId, Username: username, DeviceKey }));
      return keys.length;
    },
  };
}
