import { afterAll, beforeAll } from 'vitest';
import { httpAdminAdapter } from '../../../src/http';
import type { AdminAdapter } from '../../../src/ports';
import { createMfaAdminHandler, type MfaAdminHandlerOptions, memoryAdminStore } from '../../../src/server';
import { createCognitoSimulator } from '../../../src/testing';
import { type CognitoLocal, startCognitoLocal } from '../../contract/support/cognitoLocal';
import { type AdminCognitoProxy, startAdminCognitoProxy } from './adminCognitoProxy';
import { type AdminPoolUser, createAdminPool } from './adminPool';
import { accessTokenFor, adminClient } from './cognitoPool';

export const SIMULATOR = 'simulator admin';
export const HTTP = 'httpAdminAdapter → createMfaAdminHandler (cognito-local)';
export const TARGET_NAMES = [SIMULATOR, HTTP] as const;

export interface AdminTarget {
  admin: AdminAdapter;
  nonAdmin: AdminAdapter;
  unreachable?: AdminAdapter;
}

export interface AdminTargets {
  targets: Record<(typeof TARGET_NAMES)[number], AdminTarget>;
  stop(): Promise<void>;
}

/** Authenticator secrets the simulator's TOTP users are seeded with (cognito-local makes its own). */
const SECRETS = ['JBSWY3DPEHPK3PXP', 'KRSXG5CTMVRXEZLU', 'GEZDGNBVGY3TQOJQ', 'MFRGGZDFMZTWQ2LK'];

/**
 * The same people twice: in the simulator (its `admin`) and on cognito-local behind
 * `createMfaAdminHandler`, called through `httpAdminAdapter`. `people[0]` is the acting admin (in
 * group `admin`), `people[1]` a signed-in non-admin.
 */
export async function startAdminTargets(people: AdminPoolUser[]): Promise<AdminTargets> {
  const [root, outsider] = people as [AdminPoolUser, AdminPoolUser];
  const cognitoLocal: CognitoLocal = await startCognitoLocal();
  const proxy: AdminCognitoProxy = await startAdminCognitoProxy(cognitoLocal.endpoint);
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
  const tokenOf = (user: AdminPoolUser) =>
    accessTokenFor(adminClient(cognitoLocal.endpoint), pool.clientId, user);
  const [rootToken, outsiderToken] = [await tokenOf(root), await tokenOf(outsider)];
  const over = (token: string, fetchImpl: typeof fetch = viaHandler) =>
    httpAdminAdapter({
      baseUrl: 'https://api.example/mfa/admin',
      getAccessToken: () => token,
      fetch: fetchImpl,
    });

  let secret = 0;
  const simulator = createCognitoSimulator({
    users: people.map(({ username, password, email, groups, totp }) => ({
      username,
      password,
      ...(email ? { email } : {}),
      ...(groups ? { groups } : {}),
      ...(totp ? { totpSecret: SECRETS[secret++ % SECRETS.length], preferred: 'TOTP' as const } : {}),
    })),
  });
  await simulator.client.signIn({ username: root.username, password: root.password });
  const other = createCognitoSimulator({ users: [{ ...outsider, groups: outsider.groups ?? [] }] });
  await other.client.signIn({ username: outsider.username, password: outsider.password });

  return {
    targets: {
      [SIMULATOR]: { admin: simulator.admin, nonAdmin: other.admin },
      [HTTP]: {
        admin: over(rootToken),
        nonAdmin: over(outsiderToken),
        unreachable: over(rootToken, async () => {
          throw new TypeError('fetch failed');
        }),
      },
    },
    async stop() {
      await proxy.stop();
      await cognitoLocal.stop();
    },
  };
}

/** Starts the targets before a test file's tests and stops them after; the getter finds one by name. */
export function adminTargetsFor(
  people: AdminPoolUser[],
): (name: (typeof TARGET_NAMES)[number]) => AdminTarget {
  let running: AdminTargets | undefined;
  beforeAll(async () => {
    running = await startAdminTargets(people);
  }, 60_000);
  afterAll(async () => {
    await running?.stop();
  });
  return (name) => {
    if (!running) throw new Error('the targets did not start');
    return running.targets[name];
  };
}
