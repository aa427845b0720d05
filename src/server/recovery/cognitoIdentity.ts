import type {
  AdminInitiateAuthCommandOutput,
  CognitoIdentityProviderClient,
  ContextDataType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { RecoveryIdentity, RecoveryRequestContext } from './identity.js';

export interface CognitoIdentityOptions {
  /**
   * An SDK v3 client with admin credentials for the pool (cognito-idp:AdminInitiateAuth,
   * AdminGetUser, AdminDeleteSoftwareToken, and AdminUserGlobalSignOut when you use it).
   */
  cognito: CognitoIdentityProviderClient;
  userPoolId: string;
  /** An app client with ALLOW_ADMIN_USER_PASSWORD_AUTH. */
  clientId: string;
  /** When the app client has a secret. */
  clientSecret?: string;
}

/**
 * Names Cognito (and cognito-local) use for a wrong password or an unknown user, and for a username
 * Cognito cannot even parse (InvalidParameterException): all are "not authorized", never a 500.
 */
const refusals = new Set([
  'NotAuthorizedException',
  'UserNotFoundException',
  'InvalidPasswordException',
  'PasswordResetRequiredException',
  'UserNotConfirmedException',
  'InvalidParameterException',
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

/** The `username` claim of a token Cognito just handed us over TLS (no signature check needed). */
function usernameClaim(token: string | undefined): string | undefined {
  const payload = token?.split('.')[1];
  if (!payload) return undefined;
  try {
    const binary = atob(payload.replaceAll('-', '+').replaceAll('_', '/'));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
    return typeof claims.username === 'string' ? claims.username : undefined;
  } catch {
    return undefined;
  }
}

function contextData(context: RecoveryRequestContext | undefined): ContextDataType | undefined {
  if (!context?.ip) return undefined;
  return {
    IpAddress: context.ip,
    ServerName: context.serverName ?? 'localhost',
    ServerPath: context.serverPath ?? '/',
    HttpHeaders: Object.entries(context.headers ?? {}).map(([headerName, headerValue]) => ({
      headerName,
      headerValue,
    })),
  };
}

/**
 * The pool side of recovery over the AWS SDK: `AdminInitiateAuth` (ADMIN_USER_PASSWORD_AUTH, with
 * the client's address as `ContextData` for Cognito's threat protection) proves the password; any
 * answer but a refusal — tokens or an MFA challenge — means it was right. The canonical username
 * comes from that answer (or `AdminGetUser`), so aliases and letter case all count as one user.
 * `AdminDeleteSoftwareToken` deletes the lost authenticator (also in pools with MFA ON, where a factor
 * cannot be turned off: the next sign-in asks to set one up); `AdminUserGlobalSignOut` ends every
 * session. The SDK is loaded on first use, so `mfa-kit/server` imports without it.
 */
export function cognitoIdentity(options: CognitoIdentityOptions): RecoveryIdentity {
  const sdk = () => import('@aws-sdk/client-cognito-identity-provider');

  async function canonicalUsername(typed: string, answer: AdminInitiateAuthCommandOutput): Promise<string> {
    const fromTokens = usernameClaim(answer.AuthenticationResult?.AccessToken);
    if (fromTokens) return fromTokens;
    const fromChallenge = answer.ChallengeParameters?.USER_ID_FOR_SRP;
    if (fromChallenge) return fromChallenge;
    const { AdminGetUserCommand } = await sdk();
    const user = await options.cognito.send(
      new AdminGetUserCommand({ UserPoolId: options.userPoolId, Username: typed }),
    );
    if (!user.Username) throw new Error('AdminGetUser returned no Username.');
    return user.Username;
  }

  return {
    async verifyPassword(username, password, context) {
      const { AdminInitiateAuthCommand } = await sdk();
      const parameters: Record<string, string> = { USERNAME: username, PASSWORD: password };
      if (options.clientSecret)
        parameters.SECRET_HASH = await secretHash(options.clientSecret, username, options.clientId);
      let answer: AdminInitiateAuthCommandOutput;
      try {
        answer = await options.cognito.send(
          new AdminInitiateAuthCommand({
            UserPoolId: options.userPoolId,
            ClientId: options.clientId,
            AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
            AuthParameters: parameters,
            ContextData: contextData(context),
          }),
        );
      } catch (error) {
        if (error instanceof Error && refusals.has(error.name)) return undefined;
        throw error;
      }
      return canonicalUsername(username, answer);
    },
    async resetMfa(username) {
      const { AdminDeleteSoftwareTokenCommand } = await sdk();
      try {
        await options.cognito.send(
          new AdminDeleteSoftwareTokenCommand({ UserPoolId: options.userPoolId, Username: username }),
        );
      } catch (error) {
        // No authenticator registered: there is nothing to delete, the user is already where a reset leads.
        if (error instanceof Error && error.name === 'ResourceNotFoundException') return;
        throw error;
      }
    },
    async signOutEverywhere(username) {
      const { AdminUserGlobalSignOutCommand } = await sdk();
      await options.cognito.send(
        new AdminUserGlobalSignOutCommand({ UserPoolId: options.userPoolId, Username: username }),
      );
    },
  };
}
