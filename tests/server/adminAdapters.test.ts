// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MfaAdminError } from '../../src/core/adminErrors';
import { httpAdminAdapter } from '../../src/http';
import type { AdminAdapter } from '../../src/ports';
import { createMfaAdminHandler, type MfaAdminHandlerOptions, memoryAdminStore } from '../../src/server';
import { createCognitoSimulator } from '../../src/testing';
import { type CognitoLocal, startCognitoLocal } from '../contract/support/cognitoLocal';
import { type AdminCognitoProxy, startAdminCognitoProxy } from './support/adminCognitoProxy';
import { createAdminPool } from './support/adminPool';
import { accessTokenFor, adminClient } from './support/cognitoPool';

/**
 * One set of scenarios, two adapters: the simulator's `admin` and `httpAdminAdapter` talking to
 * `createMfaAdminHandler` on cognito-local. Same answers, same error codes.
 */
const password = 'Passw0rd-long!';
const justification = 'Lost phone; identity checked on a video call (ticket 4711)';
const people = [
  { username: 'root', password, groups: ['admin'] },
  { username: 'bob', password, groups: ['support'] },
  { username: 'alice', password, totp: true },
  { username: 'carol', password, totp: true },
];

interface Target {
  admin: AdminAdapter;
  nonAdmin: AdminAdapter;
  unreachable?: AdminAdapter;
}

let cognitoLocal: CognitoLocal;
let proxy: AdminCognitoProxy;
const targets: Record<string, Target> = {};

beforeAll(async () => {
  cognitoLocal = await startCognitoLocal();
  proxy = await startAdminCognitoProxy(cognitoLocal.endpoint);
  const pool = await createAdminPool(adminClient(cognitoLocal.endpoint), people);
  const jwks = (await (
    await fetch(`${cognitoLocal.endpoint}/${pool.userPoolId}/.well-known/jwks.json`)
  ).json()) as MfaAdminHandlerOptions['jwks'];
  const handler = createMfaAdminHandler({
    userPoolId: pool.userPoolId,
    clientId: pool.clientId,
    issuer: `${cognitoLocal.endpoint}/${pool.userPoolId}`,
    jwks,
    adminGroups: ['admin'],
    cognito: adminClient(proxy.endpoint),
    store: memoryAdminStore(),
  });
  const viaHandler: typeof fetch = async (input, init) => handler(new Request(input, init));
  const [rootUser, bobUser] = people as [(typeof people)[0], (typeof people)[0]];
  const rootToken = await accessTokenFor(adminClient(cognitoLocal.endpoint), pool.clientId, rootUser);
  const bobToken = await accessTokenFor(adminClient(cognitoLocal.endpoint), pool.clientId, bobUser);
  targets['httpAdminAdapter → createMfaAdminHandler (cognito-local)'] = {
    admin: httpAdminAdapter({
      baseUrl: 'https://api.example/mfa/admin',
      getAccessToken: () => rootToken,
      fetch: viaHandler,
    }),
    nonAdmin: httpAdminAdapter({
      baseUrl: 'https://api.example/mfa/admin',
      getAccessToken: () => bobToken,
      fetch: viaHandler,
    }),
    unreachable: httpAdminAdapter({
      baseUrl: 'https://api.example/mfa/admin',
      getAccessToken: () => rootToken,
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    }),
  };

  const simulator = createCognitoSimulator({
    users: [
      { username: 'root', password, groups: ['admin'] },
      { username: 'bob', password, groups: ['support'] },
      { username: 'alice', password, totpSecret: 'JBSWY3DPEHPK3PXP', preferred: 'TOTP' },
      { username: 'carol', password, totpSecret: 'KRSXG5CTMVRXEZLU', preferred: 'TOTP' },
    ],
  });
  await simulator.client.signIn({ username: 'root', password });
  const other = createCognitoSimulator({ users: [{ username: 'bob', password, groups: ['support'] }] });
  await other.client.signIn({ username: 'bob', password });
  targets['simulator admin'] = { admin: simulator.admin, nonAdmin: other.admin };
}, 60_000);
afterAll(async () => {
  await proxy?.stop();
  await cognitoLocal?.stop();
});

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) =>
      error instanceof MfaAdminError ? error.code : `not an MfaAdminError: ${String(error)}`,
  );

describe.each(['simulator admin', 'httpAdminAdapter → createMfaAdminHandler (cognito-local)'])(
  'AdminAdapter contract: %s',
  (name) => {
    const target = () => targets[name] as Target;

    it('lists users with their factors and compliance', async () => {
      const page = await target().admin.listUsers();
      const rows = Object.fromEntries(page.items.map((row) => [row.username, row]));
      expect(rows.alice).toMatchObject({ methods: ['TOTP'], preferred: 'TOTP', compliance: 'compliant' });
      expect(rows.bob).toMatchObject({ methods: [], compliance: 'non_compliant', groups: ['support'] });
      expect(
        (await target().admin.listUsers({ filter: { role: 'admin' } })).items.map((r) => r.username),
      ).toEqual(['root']);
      expect(await target().admin.getPoolMfaConfig()).toMatchObject({ mode: 'OPTIONAL' });
    });

    it('bypasses, ends the bypass and resets, each in the audit log', async () => {
      const bypass = await target().admin.bypassUserMfa({ username: 'alice', justification, hours: 2 });
      expect(bypass).toMatchObject({ username: 'alice', previous: { methods: ['TOTP'], preferred: 'TOTP' } });
      const [row] = (await target().admin.listUsers({ search: 'alice' })).items;
      expect(row).toMatchObject({ compliance: 'bypassed', bypassUntil: bypass.bypassUntil });
      expect(await target().admin.endBypass({ username: 'alice' })).toMatchObject({
        compliance: 'compliant',
      });
      expect(await target().admin.resetUserMfa({ username: 'carol', justification })).toMatchObject({
        compliance: 'non_compliant',
      });
      const log = await target().admin.getAuditLog();
      expect(log.items.map((event) => [event.type, event.actor, event.target])).toEqual([
        ['mfa_reset', 'root', 'carol'],
        ['mfa_bypass_ended', 'root', 'alice'],
        ['mfa_bypass', 'root', 'alice'],
      ]);
      expect((await target().admin.getAuditLog({ type: 'mfa_reset' })).items).toHaveLength(1);
      expect((await target().admin.getAuditLog({ target: 'alice', limit: 1 })).cursor).toBeDefined();
    });

    it('refuses with the same codes', async () => {
      expect(await codeOf(target().admin.resetUserMfa({ username: 'bob', justification: 'short' }))).toBe(
        'JUSTIFICATION_REQUIRED',
      );
      expect(await codeOf(target().admin.resetUserMfa({ username: 'root', justification }))).toBe(
        'SELF_ACTION_FORBIDDEN',
      );
      expect(await codeOf(target().admin.bypassUserMfa({ username: 'bob', justification }))).toBe(
        'NO_MFA_TO_BYPASS',
      );
      expect(await codeOf(target().admin.endBypass({ username: 'bob' }))).toBe('NOT_BYPASSED');
      expect(await codeOf(target().admin.resetUserMfa({ username: 'nobody', justification }))).toBe(
        'USER_NOT_FOUND',
      );
      expect(
        await codeOf(target().admin.bypassUserMfa({ username: 'alice', justification, hours: 48 })),
      ).toBe('INVALID_REQUEST');
      expect(await codeOf(target().nonAdmin.listUsers())).toBe('FORBIDDEN');
      if (target().unreachable)
        expect(await codeOf(target().unreachable?.listUsers() ?? Promise.resolve())).toBe('NETWORK');
    });

    it('exports compliance as CSV', async () => {
      const report = await target().admin.exportCompliance({ format: 'csv' });
      expect(report.contentType).toBe('text/csv; charset=utf-8');
      expect(report.filename).toMatch(/^mfa-compliance-\d{4}-\d\d-\d\d\.csv$/);
      expect(report.body.split('\r\n')[0]).toBe(
        'username,email,groups,methods,preferred,compliance,graceUntil,bypassUntil,lastChangedAt',
      );
    });
  },
);
