import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { Amplify } from 'aws-amplify';
import type { AuthClient } from 'mfa-kit';
import { amplifyAuthClient } from 'mfa-kit/amplify';
import { startCognitoLocal } from './cognitoLocal';
import { type ContractTarget, errorNameOf } from './target';

/**
 * Real aws-amplify v6 over HTTP to cognito-local 5.3.0. Its documented deviations from Cognito:
 * - a wrong password is `InvalidPasswordException`; Cognito says `NotAuthorizedException`
 *   ("Incorrect username or password.").
 * - a wrong code at VerifySoftwareToken is `CodeMismatchException`; Cognito says
 *   `EnableSoftwareTokenMFAException` ("Code mismatch").
 * - a FORCE_CHANGE_PASSWORD user gets NEW_PASSWORD_REQUIRED whatever password is sent, and no
 *   password policy is checked on the new password (scenarios for those are simulator-only).
 */
export async function cognitoLocalTarget(): Promise<ContractTarget> {
  const server = await startCognitoLocal();
  const admin = new CognitoIdentityProviderClient({
    endpoint: server.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  let poolCount = 0;

  return {
    name: 'cognito-local',
    async createPool(pool) {
      poolCount += 1;
      const { UserPool } = await admin.send(
        new CreateUserPoolCommand({
          PoolName: `contract-${poolCount}`,
          MfaConfiguration: pool.mfaConfiguration,
          AutoVerifiedAttributes: pool.autoVerifiedAttributes,
        }),
      );
      const userPoolId = UserPool?.Id ?? '';
      const { UserPoolClient } = await admin.send(
        new CreateUserPoolClientCommand({ UserPoolId: userPoolId, ClientName: 'contract' }),
      );
      const clientId = UserPoolClient?.ClientId ?? '';
      for (const user of pool.users) {
        const attributes = [
          ...(user.email ? [{ Name: 'email', Value: user.email }] : []),
          ...(user.phoneNumber ? [{ Name: 'phone_number', Value: user.phoneNumber }] : []),
        ];
        if (user.unconfirmed) {
          // Self sign-up without the confirmation code: the user stays UNCONFIRMED.
          await admin.send(
            new SignUpCommand({
              ClientId: clientId,
              Username: user.username,
              Password: user.password,
              UserAttributes: attributes,
            }),
          );
          continue;
        }
        await admin.send(
          new AdminCreateUserCommand({
            UserPoolId: userPoolId,
            Username: user.username,
            TemporaryPassword: user.password,
            MessageAction: 'SUPPRESS',
            UserAttributes: attributes,
          }),
        );
        // AdminCreateUser leaves the user in FORCE_CHANGE_PASSWORD; setting a permanent password ends that.
        if (user.temporaryPassword) continue;
        await admin.send(
          new AdminSetUserPasswordCommand({
            UserPoolId: userPoolId,
            Username: user.username,
            Password: user.password,
            Permanent: true,
          }),
        );
      }
      Amplify.configure({
        Auth: {
          Cognito: {
            userPoolId,
            userPoolClientId: clientId,
            userPoolEndpoint: server.endpoint,
          },
        },
      });
      const client: AuthClient = amplifyAuthClient({ authFlowType: 'USER_PASSWORD_AUTH' });
      await client.signOut();
      return client;
    },
    cognitoErrorName(call, error) {
      const name = errorNameOf(error);
      if (call === 'signIn' && name === 'InvalidPasswordException') return 'NotAuthorizedException';
      if (call === 'verifyTOTPSetup' && name === 'CodeMismatchException')
        return 'EnableSoftwareTokenMFAException';
      return name;
    },
    async dispose() {
      admin.destroy();
      await server.stop();
    },
  };
}
