// What the packed-package tests share: an app in a temporary folder that installs the `npm pack`
// tarball the way a product team would (no aliases into src/), and the phone stand-ins that check it.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';

export const repositoryRoot = resolve(import.meta.dirname, '../../..');

export interface PackedApp {
  /** The app's folder. */
  dir: string;
  /** Runs a command in the app's folder, output shown. */
  run(command: string, args: string[], env?: NodeJS.ProcessEnv): void;
  /** A binary from the app's node_modules/.bin. */
  bin(name: string): string;
  remove(): void;
}

function installedVersion(name: string): string {
  const manifest = join(repositoryRoot, 'node_modules', name, 'package.json');
  return JSON.parse(readFileSync(manifest, 'utf8')).version;
}

/**
 * Packs mfa-kit (dist/ is built by the suite's global setup), copies `fixture` to a temporary folder and installs the
 * tarball there with the given packages. Packages this repository also uses get its exact versions,
 * so npm serves them from its cache; `pinned` packages are installed at the version given.
 */
export function createPackedApp(options: {
  fixture: string;
  dependencies: string[];
  devDependencies: string[];
  pinned?: Record<string, string>;
}): PackedApp {
  if (!existsSync(join(repositoryRoot, 'dist/index.js'))) {
    throw new Error('dist/ is missing: run `npm run build` first.');
  }
  const work = mkdtempSync(join(tmpdir(), 'mfa-kit-packed-'));
  const dir = join(work, 'app');
  const run = (command: string, args: string[], env?: NodeJS.ProcessEnv, cwd = dir) =>
    execFileSync(command, args, { cwd, stdio: 'inherit', env: { ...process.env, ...env } });
  run('npm', ['pack', '--pack-destination', work, '--silent'], undefined, repositoryRoot);
  const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack wrote no tarball');
  cpSync(options.fixture, dir, { recursive: true });
  const versions = (names: string[]) =>
    Object.fromEntries(names.map((name) => [name, options.pinned?.[name] ?? installedVersion(name)]));
  const manifest = {
    name: 'mfa-kit-consumer',
    private: true,
    type: 'module',
    dependencies: { 'mfa-kit': `file:${join(work, tarball)}`, ...versions(options.dependencies) },
    devDependencies: versions(options.devDependencies),
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error']);
  return {
    dir,
    run: (command, args, env) => run(command, args, env),
    bin: (name) => join(dir, 'node_modules/.bin', name),
    remove: () => rmSync(work, { recursive: true, force: true }),
  };
}

/** A static file server for a built app, on loopback. */
export function serveStatic(directory: string): Promise<{ origin: string; close(): void }> {
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.svg': 'image/svg+xml',
  };
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = join(directory, path === '/' ? 'index.html' : path);
    if (!file.startsWith(directory) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      done({ origin: `http://127.0.0.1:${port}`, close: () => server.close() });
    }),
  );
}

/** Debian's Chromium, with the flags that keep it off this machine's closed network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
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
}

/** The code an authenticator app shows for a base32 secret, from oathtool (independent of mfa-kit). */
export function oathtool(secret: string): string {
  return execFileSync('oathtool', ['--totp', '--base32', secret], { encoding: 'utf8' }).trim();
}

/** What a phone camera reads from a screenshot of a QR code, from zbarimg. */
export function zbarimg(png: Buffer): string {
  const directory = mkdtempSync(join(tmpdir(), 'mfa-kit-qr-'));
  try {
    const file = join(directory, 'qr.png');
    writeFileSync(file, png);
    return execFileSync('zbarimg', ['--quiet', '--raw', file], { encoding: 'utf8' }).trim();
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** Reads an otpauth URI off a QR code on the page, as a phone would, and checks its label. */
export async function scanTotpQr(
  qr: Locator,
  expected: { issuer: string; account: string },
): Promise<string> {
  const uri = new URL(zbarimg(await qr.screenshot()));
  if (uri.protocol !== 'otpauth:' || uri.host !== 'totp') throw new Error(`not a TOTP URI: ${uri}`);
  const label = decodeURIComponent(uri.pathname.slice(1));
  if (
    label !== `${expected.issuer}:${expected.account}` ||
    uri.searchParams.get('issuer') !== expected.issuer
  ) {
    throw new Error(`unexpected label or issuer in ${uri}`);
  }
  const secret = uri.searchParams.get('secret') ?? '';
  if (!/^[A-Z2-7]{16,}$/.test(secret)) throw new Error(`not a base32 secret in ${uri}`);
  return secret;
}

/** Collects what a page reports as broken: uncaught errors and console errors. */
export function pageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  return problems;
}
