// The README's Quick start as a product team meets it: its code blocks become a Vite app that
// installs the packed tarball, type-checks under --strict and is walked in Chromium on the simulator.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPackedApp,
  launchChromium,
  oathtool,
  type PackedApp,
  pageProblems,
  repositoryRoot,
  scanTotpQr,
  serveStatic,
} from '../support/packedApp';
import { type ReadmeBlock, writeReadmeBlocks } from '../support/readmeBlocks';

const ALICE_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

let app: PackedApp;
let server: { origin: string; close(): void };
let browser: Browser;
let blocks: ReadmeBlock[];

beforeAll(async () => {
  app = createPackedApp({
    fixture: join(import.meta.dirname, 'app'),
    dependencies: [
      'react',
      'react-dom',
      'aws-amplify',
      '@aws-sdk/client-cognito-identity-provider',
      '@aws-sdk/client-dynamodb',
      '@aws-sdk/lib-dynamodb',
    ],
    devDependencies: [
      'vite',
      '@vitejs/plugin-react',
      'typescript',
      '@types/react',
      '@types/react-dom',
      '@types/node',
    ],
  });
  blocks = writeReadmeBlocks(readFileSync(join(repositoryRoot, 'README.md'), 'utf8'), 'consumer', app.dir);
  app.run(app.bin('tsc'), ['-p', 'tsconfig.json']);
  app.run(app.bin('vite'), ['build', '--logLevel', 'warn']);
  server = await serveStatic(join(app.dir, 'dist'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
  app?.remove();
});

async function openDemo() {
  const page = await browser.newPage();
  const problems = pageProblems(page);
  await page.goto(`${server.origin}/demo.html`);
  return { page, problems };
}

async function signIn(page: Awaited<ReturnType<typeof openDemo>>['page'], username: string) {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill('Passw0rd!');
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('the README Quick start, built from the packed tarball', () => {
  it('compiled the README blocks under --strict (each block is a file of this app)', () => {
    expect(blocks.map((block) => block.file)).toEqual(
      expect.arrayContaining(['src/App.tsx', 'src/main.tsx', 'src/demo.tsx']),
    );
  });

  it('signs in a user who has an authenticator with the code the app shows', async () => {
    const { page, problems } = await openDemo();
    await signIn(page, 'alice');
    await page.getByRole('heading', { name: 'Enter the code from your authenticator app' }).waitFor();
    await page.getByRole('textbox', { name: 'Verification code' }).fill(oathtool(ALICE_SECRET));
    await page.getByText('Signed in as alice.').waitFor();
    expect(problems).toEqual([]);
  });

  it('enrols an authenticator from the QR code, refusing a wrong code in place first', async () => {
    const { page, problems } = await openDemo();
    await signIn(page, 'bob');
    await page.getByText('Signed in as bob.').waitFor();
    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    const qr = page.getByRole('img', { name: 'QR code to add Acme (bob) to your authenticator app' });
    const secret = await scanTotpQr(qr, { issuer: 'Acme', account: 'bob' });

    const code = page.getByRole('textbox', { name: 'Verification code' });
    await code.fill(oathtool(secret) === '000000' ? '111111' : '000000');
    await page.getByText("That code didn't match").waitFor();
    expect(await scanTotpQr(qr, { issuer: 'Acme', account: 'bob' })).toBe(secret);

    await code.fill(oathtool(secret));
    await page.getByText('Your authenticator app is set up.').waitFor();
    expect(problems).toEqual([]);
  });
});
