import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { RecoveryIdentity } from './identity.js';

export interface CognitoIdentityOptions {
  /** An SDK v3 client with admin credentials for the pool (cognito-idp:AdminInitiateAuth, AdminSetUserMFAPreference). */
  cognito: CognitoIdentityProviderClient;
  userPoolId: string;
  /** An app client with ALLOW_ADMIN_USER_PASSWORD_AUTH. */
  clientId: string;
  /** When the app client has a secret. */
  clientSecret?: string;
}

/** Names Cognito (and cognito-local) use for a wrong password or an unknown user. */
const refusals = new Set([
  'NotAuthorizedException',
  'UserNotFoundException',
  'InvalidPasswordException',
  'PasswordResetRequiredException',
  'UserNotConfirmedException',
]);

async function secretHash(clientSecret: string, username: string, clientId: string): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(clientSecret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(username + clientId)));
  return btoa(String.fromCharCode(...mac));
}

/**
 * The pool side of recovery over the AWS SDK: `AdminInitiateAuth` (ADMIN_USER_PASSWORD_AUTH)
 * proves the password; any answer but a refusal — tokens or an MFA challenge — means it was right.
 * `AdminSetUserMFAPreference` turns the authenticator app off. The SDK is loaded on first use, so
 * `mfa-kit/server` imports without it.
 */
export function cognitoIdentity(options: CognitoIdentityOptions): RecoveryIdentity {
  const sdk = () => import('@aws-sdk/client-cognito-identity-provider');
  return {
    async verifyPassword(username, password) {
      const { AdminInitiateAuthCommand } = await sdk();
      const parameters: Record<string, string> = { USERNAME: username, PASSWORD: password };
      if (options.clientSecret)
        parameters.SECRET_HASH = await secretHash(options.clientSecret, username, options.clientId);
      try {
        await options.cognito.send(
          new AdminInitiateAuthCommand({
            UserPoolId: options.userPoolId,
            ClientId: options.clientId,
            AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
            AuthParameters: parameters,
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof Error && refusals.has(error.name)) return false;
        throw error;
      }
    },
    async resetMfa(username) {
      const { AdminSetUserMFAPreferenceCommand } = await sdk();
      await options.cognito.send(
        new AdminSetUserMFAPreferenceCommand({
          UserPoolId: options.userPoolId,
          Username: username,
          SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false },
        }),
      );
    },
  };
}
