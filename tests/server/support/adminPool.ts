import {
  AdminAddUserToGroupCommand,
  AdminUpdateUserAttributesCommand,
  AssociateSoftwareTokenCommand,
  type CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  SetUserMFAPreferenceCommand,
  SetUserPoolMfaConfigCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { Secret, TOTP } from 'otpauth';
import { accessTokenFor, createPoolWithUsers } from './cognitoPool';

export interface AdminPoolUser {
  username: string;
  password: string;
  email?: string;
  groups?: string[];
  /** Enrols an authenticator for real (AssociateSoftwareToken + VerifySoftwareToken) and prefers it. */
  totp?: boolean;
}

export interface AdminTestPool {
  userPoolId: string;
  clientId: string;
  /** A second app client of the same pool: its tokens must not be accepted. */
  otherClientId: string;
}

/**
 * A pool on cognito-local with MFA OPTIONAL (TOTP), groups, e-mail addresses and users whose
 * authenticator is enrolled the way a browser would do it.
 */
export async function createAdminPool(
  admin: CognitoIdentityProviderClient,
  users: AdminPoolUser[],
): Promise<AdminTestPool> {
  const { userPoolId, clientId } = await createPoolWithUsers(admin, users);
  await admin.send(
    new SetUserPoolMfaConfigCommand({
      UserPoolId: userPoolId,
      MfaConfiguration: 'OPTIONAL',
      SoftwareTokenMfaConfiguration: { Enabled: true },
    }),
  );
  const { UserPoolClient } = await admin.send(
    new CreateUserPoolClientCommand({ UserPoolId: userPoolId, ClientName: 'other-app' }),
  );
  const groups = new Set(users.flatMap((user) => user.groups ?? []));
  for (const GroupName of groups)
    await admin.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName }));
  for (const user of users) {
    for (const GroupName of user.groups ?? [])
      await admin.send(
        new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: user.username, GroupName }),
      );
    if (user.email)
      await admin.send(
        new AdminUpdateUserAttributesCommand({
          UserPoolId: userPoolId,
          Username: user.username,
          UserAttributes: [{ Name: 'email', Value: user.email }],
        }),
      );
    if (user.totp) {
      const AccessToken = await accessTokenFor(admin, clientId, user);
      const { SecretCode } = await admin.send(new AssociateSoftwareTokenCommand({ AccessToken }));
      const code = new TOTP({ secret: Secret.fromBase32(SecretCode ?? '') }).generate();
      await admin.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: code }));
      await admin.send(
        new SetUserMFAPreferenceCommand({
          AccessToken,
          SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
        }),
      );
    }
  }
  return { userPoolId, clientId, otherClientId: UserPoolClient?.ClientId ?? '' };
}
