// The Next.js App Router example (tests/packed/nextjs/app) on the packed tarball: `next build`, then
// `next start`; Chromium signs in on the simulator from a Server Component page and enrols TOTP from
// the QR code; the recovery route and a step-up-protected route answer real cognito-local tokens.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CognitoLocal,
  freePort,
  startCognitoLocal,
  waitForLine,
} from '../../contract/support/cognitoLocal';
import { adminClient, createPoolWithUsers, tokensFor } from '../../server/support/cognitoPool';
import {
  createPackedApp,
  launchChromium,
  oathtool,
  type PackedApp,
  pageProblems,
  repositoryRoot,
  scanTotpQr,
} from '../support/packedApp';
import { writeReadmeBlocks } from '../support/readmeBlocks';

const carol = { username: 'carol', password: 'Corr3ct-horse!' };
/** The Next.js the example is checked with; not a dependency of mfa-kit itself. */
const NEXT_VERSION = '16.4.6';

let app: PackedApp;
let cognitoLocal: CognitoLocal;
let pool: { userPoolId: string; clientId: string };
let next: ChildProcess | undefined;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  app = createPackedApp({
    fixture: join(import.meta.dirname, 'app'),
    // Only the SDK the app's routes use: mfa-kit/server must not need the DynamoDB packages.
    dependencies: ['next', 'react', 'react-dom', 'aws-amplify', '@aws-sdk/client-cognito-identity-provider'],
    devDependencies: ['typescript', '@types/react', '@types/react-dom', '@types/node'],
    pinned: { next: NEXT_VERSION },
  });
  writeReadmeBlocks(readFileSync(join(repositoryRoot, 'README.md'), 'utf8'), 'nextjs', app.dir);
  const env = { NEXT_TELEMETRY_DISABLED: '1' };
  app.run(app.bin('next'), ['build'], env);

  cognitoLocal = await startCognitoLocal();
  pool = await createPoolWithUsers(adminClient(cognitoLocal.endpoint), [carol]);
  const jwks = await (
    await fetch(`${cognitoLocal.endpoint}/${pool.userPoolId}/.well-known/jwks.json`)
  ).text();
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  next = spawn(app.bin('next'), ['start', '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: app.dir,
    env: {
      ...process.env,
      ...env,
      USER_POOL_ID: pool.userPoolId,
      USER_POOL_CLIENT_ID: pool.clientId,
      COGNITO_ENDPOINT: cognitoLocal.endpoint,
      COGNITO_ISSUER: `${cognitoLocal.endpoint}/${pool.userPoolId}`,
      COGNITO_JWKS: jwks,
      RECOVERY_PEPPER: 'nX4r!q8Vz2#kLm7pT0wY5bH3cJ9sD6fG',
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await waitForLine(next, /Ready in/, 60_000, 'next start');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  next?.kill('SIGTERM');
  await cognitoLocal?.stop();
  app?.remove();
});

describe('Next.js App Router example on the packed tarball', () => {
  it('signs in from a Server Component page and enrols TOTP from the QR code', async () => {
    const page = await browser.newPage();
    const problems = pageProblems(page);
    await page.goto(`${origin}/`);
    await page.getByLabel('Username').fill('bob');
    await page.getByLabel('Password').fill('Passw0rd!');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('You are signed in.').waitFor();

    await page.getByRole('link', { name: 'Account security' }).click();
    const qr = page.getByRole('img', { name: 'QR code to add Acme (bob) to your authenticator app' });
    const secret = await scanTotpQr(qr, { issuer: 'Acme', account: 'bob' });
    await page.getByRole('textbox', { name: 'Verification code' }).fill(oathtool(secret));
    await page.getByText('Your authenticator app is set up.').waitFor();
    expect(problems).toEqual([]);
  });

  it('serves the recovery route: 401 without a token, 200 with a Cognito access token', async () => {
    const status = `${origin}/api/mfa/recovery-codes`;
    expect((await fetch(status)).status).toBe(401);
    const { accessToken } = await tokensFor(adminClient(cognitoLocal.endpoint), pool.clientId, carol);
    const signedIn = await fetch(status, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(signedIn.status).toBe(200);
    expect(await signedIn.json()).toMatchObject({ remaining: 0 });
  });

  it('protects a high-risk route with verifyStepUpProof: RFC 9470 challenge, then a fresh ID token', async () => {
    const transfer = `${origin}/api/transfer`;
    const refused = await fetch(transfer, { method: 'POST' });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toMatch(/insufficient_user_authentication/);
    const { idToken, accessToken } = await tokensFor(
      adminClient(cognitoLocal.endpoint),
      pool.clientId,
      carol,
    );
    expect(
      (await fetch(transfer, { method: 'POST', headers: { 'x-step-up-proof': accessToken } })).status,
    ).toBe(403);
    const allowed = await fetch(transfer, { method: 'POST', headers: { 'x-step-up-proof': idToken } });
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toEqual({ transferred: true, by: 'carol' });
  });
});
