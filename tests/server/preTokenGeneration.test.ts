// @vitest-environment node

import {
  AssociateSoftwareTokenCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { JwtVerifier } from 'aws-jwt-verify';
import type { PreTokenGenerationTriggerEvent, PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { createMfaPolicy } from 'mfa-kit/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  MfaEnforcementError,
  mfaPreTokenGeneration,
  type PreTokenGenerationEvent,
  requireMfaCompliance,
} from '../../src/server';
import { phoneCode } from '../contract/support/authenticator';
import { type CognitoLocal, startCognitoLocal } from '../contract/support/cognitoLocal';
import { adminClient, createPoolWithUsers, tokensFor } from './support/cognitoPool';
import { type CognitoProxy, startCognitoProxy } from './support/cognitoProxy';

/**
 * The Pre Token Generation trigger on Cognito's documented event shapes (V1_0 and V2_0, typed by
 * @types/aws-lambda), reading users from cognito-local through the recording proxy: `AdminGetUser`'s
 * `UserCreateDate` and `UserMFASettingList`, after real TOTP and SMS enrolments on cognito-local.
 */
const password = 'Corr3ct-horse!';
const users = ['alice', 'bob', 'carol', 'dave'].map((username) => ({ username, password }));
const DAY = 86_400_000;

let cognitoLocal: CognitoLocal;
let proxy: CognitoProxy;
let pool: { userPoolId: string; clientId: string };
let createdAt = 0;

async function enrolTotp(user: { username: string; password: string }) {
  const admin = adminClient(cognitoLocal.endpoint);
  const { accessToken } = await tokensFor(admin, pool.clientId, user);
  const { SecretCode } = await admin.send(new AssociateSoftwareTokenCommand({ AccessToken: accessToken }));
  await admin.send(
    new VerifySoftwareTokenCommand({ AccessToken: accessToken, UserCode: phoneCode(SecretCode ?? '') }),
  );
  await admin.send(
    new SetUserMFAPreferenceCommand({
      AccessToken: accessToken,
      SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
    }),
  );
}

beforeAll(async () => {
  cognitoLocal = await startCognitoLocal();
  proxy = await startCognitoProxy(cognitoLocal.endpoint);
  createdAt = Date.now();
  pool = await createPoolWithUsers(adminClient(cognitoLocal.endpoint), users);
  await enrolTotp(users[0] as (typeof users)[0]); // alice: authenticator app
  const admin = adminClient(cognitoLocal.endpoint);
  const { accessToken } = await tokensFor(admin, pool.clientId, { username: 'dave', password });
  await admin.send(
    new SetUserMFAPreferenceCommand({ AccessToken: accessToken, SMSMfaSettings: { Enabled: true } }),
  ); // dave: SMS only
});
afterAll(async () => {
  await proxy?.stop();
  await cognitoLocal?.stop();
});
beforeEach(() => {
  proxy.calls.length = 0;
});

const policy = createMfaPolicy({
  requiredRoles: ['super_admin', 'itsm_manager'],
  optionalRoles: ['viewer'],
  policyStart: '2026-01-01T00:00:00Z',
});

/** Cognito's V2_0 sample event (user pool guide, "Pre token generation Lambda trigger"). */
function v2Event(userName: string, groups: string[]): PreTokenGenerationV2TriggerEvent {
  return {
    version: '2',
    triggerSource: 'TokenGeneration_Authentication',
    region: 'us-east-1',
    userPoolId: pool.userPoolId,
    userName,
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: pool.clientId },
    request: {
      userAttributes: { sub: `sub-${userName}`, 'cognito:user_status': 'CONFIRMED' },
      groupConfiguration: { groupsToOverride: groups, iamRolesToOverride: [], preferredRole: undefined },
      scopes: ['aws.cognito.signin.user.admin', 'openid'],
    },
    // Cognito sends null here; the @types package types it as an object.
    response: { claimsAndScopeOverrideDetails: null as never },
  };
}

/** Cognito's V1_0 sample event. */
function v1Event(userName: string, groups: string[]): PreTokenGenerationTriggerEvent {
  return {
    version: '1',
    triggerSource: 'TokenGeneration_HostedAuth',
    region: 'us-east-1',
    userPoolId: pool.userPoolId,
    userName,
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: pool.clientId },
    request: {
      userAttributes: { sub: `sub-${userName}` },
      groupConfiguration: { groupsToOverride: groups, iamRolesToOverride: [], preferredRole: undefined },
    },
    response: { claimsOverrideDetails: null as never },
  };
}

const trigger = (now = Date.now(), extra: Partial<Parameters<typeof mfaPreTokenGeneration>[0]> = {}) =>
  mfaPreTokenGeneration({ policy, cognito: adminClient(proxy.endpoint), now: () => now, ...extra });

describe('V2_0 events: claims in the ID and access tokens', () => {
  it('an admin with an authenticator app is compliant (UserMFASettingList: SOFTWARE_TOKEN_MFA)', async () => {
    const out = await trigger()(v2Event('alice', ['super_admin']));
    const details = out.response.claimsAndScopeOverrideDetails;
    expect(details?.idTokenGeneration?.claimsToAddOrOverride).toEqual({ mfa_compliant: true });
    expect(details?.accessTokenGeneration?.claimsToAddOrOverride).toEqual({ mfa_compliant: true });
    expect(proxy.calls.map((call) => call.target)).toEqual(['AdminGetUser']);
    expect(proxy.calls[0]?.body).toEqual({ UserPoolId: pool.userPoolId, Username: 'alice' });
  });

  it('an admin without MFA gets the grace deadline: 7 days from account creation', async () => {
    const out = await trigger()(v2Event('bob', ['super_admin']));
    const claims = out.response.claimsAndScopeOverrideDetails?.accessTokenGeneration?.claimsToAddOrOverride;
    expect(claims?.mfa_compliant).toBe(false);
    const graceUntil = Number(claims?.mfa_grace_until) * 1000;
    // cognito-local stamps UserCreateDate when the user is made, in whole seconds.
    expect(graceUntil).toBeGreaterThanOrEqual(createdAt - 1000 + 7 * DAY);
    expect(graceUntil).toBeLessThanOrEqual(Date.now() + 7 * DAY);
  });

  it('an admin with SMS only is not compliant: admin roles accept TOTP only (seed 001)', async () => {
    const out = await trigger()(v2Event('dave', ['super_admin']));
    expect(
      out.response.claimsAndScopeOverrideDetails?.idTokenGeneration?.claimsToAddOrOverride,
    ).toMatchObject({
      mfa_compliant: false,
    });
    // The same user in a non-admin required role: SMS is acceptable there.
    const asManager = await trigger()(v2Event('dave', ['itsm_manager']));
    expect(
      asManager.response.claimsAndScopeOverrideDetails?.idTokenGeneration?.claimsToAddOrOverride,
    ).toEqual({
      mfa_compliant: true,
    });
  });

  it('a user of an optional role needs no lookup and is compliant', async () => {
    const out = await trigger()(v2Event('carol', ['viewer']));
    expect(out.response.claimsAndScopeOverrideDetails?.idTokenGeneration?.claimsToAddOrOverride).toEqual({
      mfa_compliant: true,
    });
    expect(proxy.calls).toEqual([]);
  });

  it('keeps what another step of the trigger already added', async () => {
    const event = v2Event('carol', ['viewer']);
    event.response.claimsAndScopeOverrideDetails = {
      idTokenGeneration: { claimsToAddOrOverride: { tenant: 'acme' } },
      accessTokenGeneration: { scopesToAdd: ['acme/read'] },
    };
    const out = await trigger()(event);
    expect(out.response.claimsAndScopeOverrideDetails).toEqual({
      idTokenGeneration: { claimsToAddOrOverride: { tenant: 'acme', mfa_compliant: true } },
      accessTokenGeneration: { scopesToAdd: ['acme/read'], claimsToAddOrOverride: { mfa_compliant: true } },
    });
  });

  it('leaves client-credentials (M2M) events alone', async () => {
    const event = {
      ...v2Event('client', []),
      version: '3',
      triggerSource: 'TokenGeneration_ClientCredentials',
    } as PreTokenGenerationEvent;
    expect(await trigger()(event)).toEqual(event);
    expect(proxy.calls).toEqual([]);
  });

  it('refuses to issue tokens when AdminGetUser fails (no unchecked tokens)', async () => {
    await expect(trigger()(v2Event('nobody', ['super_admin']))).rejects.toMatchObject({
      name: 'UserNotFoundException',
    });
  });
});

describe('V1_0 events: string claims in the ID token', () => {
  it('writes mfa_compliant and mfa_grace_until as strings', async () => {
    const out = await trigger()(v1Event('bob', ['itsm_manager']));
    const claims = out.response.claimsOverrideDetails?.claimsToAddOrOverride ?? {};
    expect(claims.mfa_compliant).toBe('false');
    expect(claims.mfa_grace_until).toMatch(/^\d{10}$/);
    const compliant = await trigger()(v1Event('alice', ['super_admin']));
    expect(compliant.response.claimsOverrideDetails).toEqual({
      claimsToAddOrOverride: { mfa_compliant: 'true' },
    });
  });
});

describe('past grace', () => {
  it("'redirect_to_setup' still issues tokens, marked non-compliant and past the deadline", async () => {
    const later = Date.now() + 8 * DAY;
    const out = await trigger(later)(v2Event('bob', ['super_admin']));
    const claims = out.response.claimsAndScopeOverrideDetails?.idTokenGeneration?.claimsToAddOrOverride ?? {};
    expect(requireMfaCompliance(claims, { now: () => later })).toMatchObject({
      ok: false,
      status: 'past_grace',
    });
  });

  it("'block' with denyTokensPastGrace makes Cognito refuse the sign-in", async () => {
    const blocking = createMfaPolicy({
      requiredRoles: ['super_admin'],
      enforcementAction: 'block',
      policyStart: 0,
    });
    const handler = mfaPreTokenGeneration({
      policy: blocking,
      cognito: adminClient(proxy.endpoint),
      denyTokensPastGrace: true,
      now: () => Date.now() + 8 * DAY,
    });
    await expect(handler(v2Event('bob', ['super_admin']))).rejects.toBeInstanceOf(MfaEnforcementError);
    await expect(handler(v2Event('alice', ['super_admin']))).resolves.toBeDefined();
  });
});

describe('requireMfaCompliance on a verified token', () => {
  it('passes in grace, then refuses the same token once its own deadline passed', async () => {
    const issued = Date.now();
    const out = await trigger(issued)(v2Event('bob', ['super_admin']));
    const claims =
      out.response.claimsAndScopeOverrideDetails?.accessTokenGeneration?.claimsToAddOrOverride ?? {};
    const inGrace = requireMfaCompliance(claims, { now: () => issued + DAY });
    expect(inGrace).toMatchObject({ ok: true, status: 'grace', daysLeft: 6 });
    const after = requireMfaCompliance(claims, { now: () => issued + 7 * DAY + 1000 });
    expect(after.ok).toBe(false);
    if (after.ok) return;
    const response = after.response();
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: 'mfa_required', reason: 'mfa_grace_period_over' });
  });

  it('refuses a real, verified cognito-local token that carries no MFA claims (trigger not installed)', async () => {
    // carol has no MFA, so USER_PASSWORD_AUTH answers with tokens at once.
    const { accessToken } = await tokensFor(adminClient(cognitoLocal.endpoint), pool.clientId, {
      username: 'carol',
      password,
    });
    const issuer = `${cognitoLocal.endpoint}/${pool.userPoolId}`;
    const jwks = await (
      await fetch(`${cognitoLocal.endpoint}/${pool.userPoolId}/.well-known/jwks.json`)
    ).json();
    const verifier = JwtVerifier.create({
      issuer,
      audience: null,
      jwksUri: `${issuer}/.well-known/jwks.json`,
    });
    verifier.cacheJwks(jwks);
    const payload = (await verifier.verify(accessToken)) as Record<string, unknown>;
    const check = requireMfaCompliance(payload);
    expect(check).toMatchObject({ ok: false, status: 'missing' });
    if (!check.ok) expect(await check.response().json()).toMatchObject({ reason: 'mfa_claims_missing' });
    expect(requireMfaCompliance(payload, { allowMissingClaims: true })).toEqual({
      ok: true,
      status: 'missing',
    });
  });
});
