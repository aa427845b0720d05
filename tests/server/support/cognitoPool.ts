import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';

/** One attempt by default, so a test sees every failure; load tests pass the SDK's default, 3. */
export function adminClient(endpoint: string, maxAttempts = 1): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts,
  });
}

/** A pool with one app client and confirmed users, on cognito-local. */
export async function createPoolWithUsers(
  admin: CognitoIdentityProviderClient,
  users: Array<{ username: string; password: string }>,
): Promise<{ userPoolId: string; clientId: string }> {
  const { UserPool } = await admin.send(
    new CreateUserPoolCommand({ PoolName: 'recovery', MfaConfiguration: 'OPTIONAL' }),
  );
  const userPoolId = UserPool?.Id ?? '';
  const { UserPoolClient } = await admin.send(
    new CreateUserPoolClientCommand({ UserPoolId: userPoolId, ClientName: 'recovery' }),
  );
  for (const user of users) {
    await admin.send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        Username: user.username,
        TemporaryPassword: user.password,
        MessageAction: 'SUPPRESS',
      }),
    );
    await admin.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: userPoolId,
        Username: user.username,
        Password: user.password,
        Permanent: true,
      }),
    );
  }
  return { userPoolId, clientId: UserPoolClient?.ClientId ?? '' };
}

/** The tokens a browser that just signed in would hold. */
export async function tokensFor(
  admin: CognitoIdentityProviderClient,
  clientId: string,
  user: { username: string; password: string },
): Promise<{ accessToken: string; idToken: string }> {
  const { AuthenticationResult } = await admin.send(
    new InitiateAuthCommand({
      ClientId: clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: user.username, PASSWORD: user.password },
    }),
  );
  return {
    accessToken: AuthenticationResult?.AccessToken ?? '',
    idToken: AuthenticationResult?.IdToken ?? '',
  };
}

/** The access token a signed-in browser would hold. */
export async function accessTokenFor(
  admin: CognitoIdentityProviderClient,
  clientId: string,
  user: { username: string; password: string },
): Promise<string> {
  return (await tokensFor(admin, clientId, user)).accessToken;
}
