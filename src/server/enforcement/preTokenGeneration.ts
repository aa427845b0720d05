import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { type MfaClaims, mfaClaimsAsStrings, mfaClaimsFor } from '../../core/mfaClaims.js';
import {
  evaluateMfaCompliance,
  type MfaCompliance,
  type MfaPolicy,
  mfaRequirementFor,
} from '../../core/mfaPolicy.js';
import type { MfaMethod } from '../../ports.js';

/** Claim values a trigger may return: V1 takes strings, V2 also numbers and booleans. */
/** A claim value the Pre Token Generation trigger may add or override. */
export type ClaimValue = string | number | boolean;

/**
 * The part of Cognito's Pre Token Generation event this handler reads and writes (V1_0, V2_0 and
 * V3_0 as documented). Structural, so `PreTokenGenerationTriggerEvent` and
 * `PreTokenGenerationV2TriggerEvent` from `@types/aws-lambda` fit without a dependency.
 */
export interface PreTokenGenerationEvent {
  version: string;
  triggerSource: string;
  region?: string;
  userPoolId: string;
  userName: string;
  callerContext?: { awsSdkVersion?: string; clientId?: string };
  request: {
    userAttributes?: Record<string, string>;
    groupConfiguration?: { groupsToOverride?: string[] | null } | null;
    scopes?: string[];
    clientMetadata?: Record<string, string>;
  };
  response: {
    /** V1_0: ID token only, string values. Cognito sends `null`. */
    claimsOverrideDetails?: {
      claimsToAddOrOverride?: Record<string, string>;
      claimsToSuppress?: string[];
      groupOverrideDetails?: unknown;
    } | null;
    /** V2_0 / V3_0: ID and access tokens. Cognito sends `null`. */
    claimsAndScopeOverrideDetails?: {
      idTokenGeneration?: { claimsToAddOrOverride?: Record<string, ClaimValue>; claimsToSuppress?: string[] };
      accessTokenGeneration?: {
        claimsToAddOrOverride?: Record<string, ClaimValue>;
        claimsToSuppress?: string[];
        scopesToAdd?: string[];
        scopesToSuppress?: string[];
      };
      groupOverrideDetails?: unknown;
    } | null;
  };
}

/** What the trigger needs to know about a user beyond the event. */
export interface MfaUserRecord {
  /** Epoch ms (AdminGetUser's `UserCreateDate`). */
  createdAt?: number;
  /** Turned-on factors (AdminGetUser's `UserMFASettingList`). */
  enabledMethods: MfaMethod[];
}

/** How `mfaPreTokenGeneration` decides: the policy, and where it reads the user's creation date and MFA. */
export interface MfaPreTokenGenerationOptions {
  /** The same policy `<MfaGate>` uses. */
  policy: MfaPolicy;
  /** For `AdminGetUser` (needs `cognito-idp:AdminGetUser` on the pool). Not needed with `lookupUser`. */
  cognito?: Pick<CognitoIdentityProviderClient, 'send'>;
  /** Replaces the `AdminGetUser` lookup (another directory, a cache). */
  lookupUser?: (event: PreTokenGenerationEvent) => Promise<MfaUserRecord>;
  /**
   * With `enforcementAction: 'block'`, refuse to issue tokens at all to a required user past grace:
   * the handler throws and Cognito fails the sign-in. Default false: tokens carry
   * `mfa_compliant: false` and the host's API refuses them (`requireMfaCompliance`).
   */
  denyTokensPastGrace?: boolean;
  /** Time source (epoch ms). Default `Date.now`. */
  now?: () => number;
  /** Called with each decision, for audit logs (no token, no attributes). */
  onDecision?: (decision: { username: string; triggerSource: string; compliance: MfaCompliance }) => void;
}

/** Refused token issuance: Cognito shows the user `PreTokenGeneration failed with error <message>`. */
export class MfaEnforcementError extends Error {
  override readonly name = 'MfaEnforcementError';
}

const settingToMethod: Record<string, MfaMethod> = {
  SOFTWARE_TOKEN_MFA: 'TOTP',
  SMS_MFA: 'SMS',
  EMAIL_OTP: 'EMAIL',
};

/** Reads `UserCreateDate` and `UserMFASettingList` with AdminGetUser. */
export function adminGetUserLookup(
  cognito: Pick<CognitoIdentityProviderClient, 'send'>,
): (event: PreTokenGenerationEvent) => Promise<MfaUserRecord> {
  return async (event) => {
    const { AdminGetUserCommand } = await import('@aws-sdk/client-cognito-identity-provider');
    const user = await cognito.send(
      new AdminGetUserCommand({ UserPoolId: event.userPoolId, Username: event.userName }),
    );
    const created = user.UserCreateDate ? new Date(user.UserCreateDate).getTime() : undefined;
    return {
      createdAt: Number.isFinite(created) ? created : undefined,
      // Stryker disable next-line ArrayDeclaration: equivalent — settings it does not know map to nothing and are dropped.
      enabledMethods: (user.UserMFASettingList ?? [])
        .map((setting) => settingToMethod[setting])
        .filter((method): method is MfaMethod => method !== undefined),
    };
  };
}

/**
 * A Cognito Pre Token Generation trigger built from an `MfaPolicy`: it adds `mfa_compliant` and, for
 * a required user without an accepted method, `mfa_grace_until` (epoch seconds) to the ID token (V1)
 * or to the ID and access tokens (V2, V3). Users of required roles are looked up with `AdminGetUser`
 * (creation date, MFA settings); everyone else costs no call. A failed lookup throws, so Cognito
 * issues no tokens rather than unchecked ones. Client-credentials (M2M) events pass through.
 */
export function mfaPreTokenGeneration(
  options: MfaPreTokenGenerationOptions,
): (event: PreTokenGenerationEvent) => Promise<PreTokenGenerationEvent> {
  const lookup =
    options.lookupUser ??
    (options.cognito
      ? adminGetUserLookup(options.cognito)
      : () => {
          throw new Error('mfaPreTokenGeneration needs `cognito` (for AdminGetUser) or `lookupUser`.');
        });
  return async (event) => {
    if (event.triggerSource === 'TokenGeneration_ClientCredentials') return event;
    // Stryker disable next-line ArrayDeclaration: equivalent — a fallback holding a group the policy does not name decides alike.
    const groups = event.request.groupConfiguration?.groupsToOverride ?? [];
    const now = options.now?.() ?? Date.now();
    const record: MfaUserRecord = mfaRequirementFor(options.policy, groups).required
      ? await lookup(event)
      : // Stryker disable next-line ArrayDeclaration: equivalent — a user no rule requires is not_required whatever their methods.
        { enabledMethods: [] };
    const compliance = evaluateMfaCompliance(options.policy, {
      groups,
      enabledMethods: record.enabledMethods,
      userCreatedAt: record.createdAt,
      now,
    });
    options.onDecision?.({ username: event.userName, triggerSource: event.triggerSource, compliance });
    if (options.denyTokensPastGrace && compliance.status === 'past_grace' && compliance.action === 'block') {
      throw new MfaEnforcementError('MFA is required for your role. Contact your administrator.');
    }
    return withClaims(event, mfaClaimsFor(compliance));
  };
}

function withClaims(event: PreTokenGenerationEvent, claims: MfaClaims): PreTokenGenerationEvent {
  if (event.version === '1') {
    const details = event.response.claimsOverrideDetails ?? {};
    event.response.claimsOverrideDetails = {
      ...details,
      claimsToAddOrOverride: { ...details.claimsToAddOrOverride, ...mfaClaimsAsStrings(claims) },
    };
    return event;
  }
  const details = event.response.claimsAndScopeOverrideDetails ?? {};
  const native: Record<string, ClaimValue> = { ...claims };
  event.response.claimsAndScopeOverrideDetails = {
    ...details,
    idTokenGeneration: {
      ...details.idTokenGeneration,
      claimsToAddOrOverride: { ...details.idTokenGeneration?.claimsToAddOrOverride, ...native },
    },
    accessTokenGeneration: {
      ...details.accessTokenGeneration,
      claimsToAddOrOverride: { ...details.accessTokenGeneration?.claimsToAddOrOverride, ...native },
    },
  };
  return event;
}
