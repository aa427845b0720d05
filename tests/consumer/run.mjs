// The consumer check: a product team's app, built from the packed tarball the way they would install
// it (no aliases into src/). Its sources are the README's code blocks. The Quick start is type-checked
// under --strict, built with Vite and walked in Debian's Chromium on the simulator: one user signs in
// with a TOTP code, another enrols an authenticator by reading the QR code off the page (zbarimg) and
// answering with oathtool's code, as a phone would.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { readmeBlocks } from './readmeBlocks.mjs';

const root = resolve(import.meta.dirname, '../..');
const keep = process.argv.includes('--keep');
const work = mkdtempSync(join(tmpdir(), 'mfa-kit-consumer-'));
const app = join(work, 'app');
const timings = {};

function step(name, action) {
  const start = performance.now();
  const result = action();
  const done = (value) => {
    timings[name] = `${((performance.now() - start) / 1000).toFixed(1)} s`;
    console.log(`consumer: ${name} (${timings[name]})`);
    return value;
  };
  return result instanceof Promise ? result.then(done) : done(result);
}

const run = (command, args, cwd = app) => execFileSync(command, args, { cwd, stdio: 'inherit' });
const installedVersion = (name) =>
  JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
const versions = (names) => Object.fromEntries(names.map((name) => [name, installedVersion(name)]));

try {
  if (!existsSync(join(root, 'dist/index.js')))
    throw new Error('dist/ is missing: run `npm run build` first.');

  const tarball = step('pack', () => {
    run('npm', ['pack', '--pack-destination', work, '--silent'], root);
    return join(
      work,
      readdirSync(work).find((name) => name.endsWith('.tgz')),
    );
  });

  step('write the app from the README', () => {
    cpSync(join(import.meta.dirname, 'app'), app, { recursive: true });
    for (const block of readmeBlocks(readFileSync(join(root, 'README.md'), 'utf8'))) {
      mkdirSync(dirname(join(app, block.file)), { recursive: true });
      writeFileSync(join(app, block.file), block.code);
      console.log(`  README.md:${block.line} → ${block.file}`);
    }
    // The same versions as this repository's lockfile, so the install is served from npm's cache.
    const manifest = {
      name: 'mfa-kit-consumer',
      private: true,
      type: 'module',
      dependencies: {
        'mfa-kit': `file:${tarball}`,
        ...versions([
          'react',
          'react-dom',
          'aws-amplify',
          '@aws-sdk/client-cognito-identity-provider',
          '@aws-sdk/client-dynamodb',
          '@aws-sdk/lib-dynamodb',
        ]),
      },
      devDependencies: versions([
        'vite',
        '@vitejs/plugin-react',
        'typescript',
        '@types/react',
        '@types/react-dom',
        '@types/node',
      ]),
    };
    writeFileSync(join(app, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  });

  step('npm install', () =>
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error']),
  );
  step('tsc --strict', () => run(join(app, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json']));
  step('vite build', () => run(join(app, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn']));

  const server = await serve(join(app, 'dist'));
  try {
    await step('Chromium journeys', () => journeys(`http://127.0.0.1:${server.address().port}`));
  } finally {
    server.close();
  }
  console.log(`consumer: passed ${JSON.stringify(timings)}`);
} finally {
  if (keep) console.log(`consumer: kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

/** A static server for the built app on loopback. */
function serve(directory) {
  const types = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.svg': 'image/svg+xml',
  };
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = join(directory, path === '/' ? 'index.html' : path);
    if (!file.startsWith(directory) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

/** The code an authenticator app shows for a base32 secret, from oathtool (independent of mfa-kit). */
function oathtool(secret) {
  return execFileSync('oathtool', ['--totp', '--base32', secret], { encoding: 'utf8' }).trim();
}

/** What a phone camera reads from the QR code on the screen, from zbarimg. */
function zbarimg(png) {
  const file = join(work, 'qr.png');
  writeFileSync(file, png);
  return execFileSync('zbarimg', ['--quiet', '--raw', file], { encoding: 'utf8' }).trim();
}

async function journeys(origin) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const pageErrors = [];
  const newPage = async () => {
    const page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && pageErrors.push(message.text()));
    await page.goto(`${origin}/demo.html`);
    return page;
  };
  const signIn = async (page, username) => {
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill('Passw0rd!');
    await page.getByRole('button', { name: 'Sign in' }).click();
  };
  try {
    // alice has an authenticator: password, then the code her app shows.
    const alice = await newPage();
    await signIn(alice, 'alice');
    await alice.getByRole('heading', { name: 'Enter the code from your authenticator app' }).waitFor();
    await alice
      .getByRole('textbox', { name: 'Verification code' })
      .fill(oathtool('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'));
    await alice.getByText('Signed in as alice.').waitFor();

    // bob has none: he signs in with his password and enrols one from the QR code.
    const bob = await newPage();
    await signIn(bob, 'bob');
    await bob.getByText('Signed in as bob.').waitFor();
    await bob.getByRole('button', { name: 'Set up an authenticator app' }).click();
    const qr = bob.getByRole('img', { name: 'QR code to add Acme (bob) to your authenticator app' });
    const uri = new URL(zbarimg(await qr.screenshot()));
    assert.equal(uri.protocol, 'otpauth:');
    assert.equal(uri.host, 'totp');
    assert.equal(decodeURIComponent(uri.pathname), '/Acme:bob');
    assert.equal(uri.searchParams.get('issuer'), 'Acme');
    const secret = uri.searchParams.get('secret');
    assert.match(secret ?? '', /^[A-Z2-7]{16,}$/);

    // A wrong code is refused in place; the same QR code stays and the right code then works.
    const code = bob.getByRole('textbox', { name: 'Verification code' });
    const right = oathtool(secret);
    await code.fill(right === '000000' ? '111111' : '000000');
    await bob.getByRole('alert').filter({ hasText: /code/i }).first().waitFor();
    assert.equal(new URL(zbarimg(await qr.screenshot())).searchParams.get('secret'), secret);
    await code.fill(oathtool(secret));
    await bob.getByText('Your authenticator app is set up.').waitFor();

    assert.deepEqual(pageErrors, [], 'no errors in the page console');
  } finally {
    await browser.close();
  }
}
