// Builds small apps against mfa-kit as a consumer installs it (the `npm pack` tarball of dist/) with
// one fixed Vite config, and weighs what a browser downloads: gzip -9 of each JavaScript chunk.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { entries, root } from '../entries.mjs';

export const appsDir = join(import.meta.dirname, 'apps');

/** The apps of the table, in its order; `file` is in scripts/bench/apps. */
export const apps = [
  { id: 'authenticator', label: '@aws-amplify/ui-react <Authenticator>', file: 'authenticator.tsx' },
  { id: 'signInTotp', label: 'mfa-kit <SignIn> + <TotpSetup>, amplifyAuthClient()', file: 'signInTotp.tsx' },
  { id: 'signIn', label: 'mfa-kit <SignIn> alone (its flow includes TOTP setup)', file: 'signIn.tsx' },
  { id: 'codeInput', label: 'mfa-kit <CodeInput> alone', file: 'codeInput.tsx' },
  { id: 'stepUp', label: 'mfa-kit <StepUpProvider> + <StepUpDialog>', file: 'stepUp.tsx' },
  { id: 'recoveryCodes', label: 'mfa-kit <RecoveryCodes>', file: 'recoveryCodes.tsx' },
  { id: 'everything', label: 'mfa-kit: every export of mfa-kit and mfa-kit/amplify', file: 'everything.tsx' },
];

/** What the host pays for anyway: React and Amplify JS. "Own weight" leaves them out. */
export const isHostDependency = (id) =>
  /^(react|react-dom|scheduler|aws-amplify)(\/|$)/.test(id) || /^@aws-amplify\/(?!ui)/.test(id);

/** Modules one leaf component must never pull in. */
export const heavyModule = /[\\/]node_modules[\\/](qrcode\.react|@radix-ui[\\/][^\\/]+|react-hook-form)[\\/]/;

/**
 * A consumer project in a temporary folder: the packed tarball unpacked as node_modules/mfa-kit, every
 * other package linked from this repository. Needs `npm run build` first.
 */
export function installPackedMfaKit() {
  for (const entry of entries) {
    if (!existsSync(join(root, entry.js)))
      throw new Error(`${entry.js} is missing: run \`npm run build\` first.`);
  }
  const work = mkdtempSync(join(tmpdir(), 'mfa-kit-bench-'));
  execFileSync('npm', ['pack', '--pack-destination', work, '--silent'], { cwd: root, stdio: 'ignore' });
  const tarball = join(
    work,
    readdirSync(work).find((name) => name.endsWith('.tgz')),
  );
  const modules = join(work, 'node_modules');
  mkdirSync(join(modules, 'mfa-kit'), { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', join(modules, 'mfa-kit'), '--strip-components=1']);
  for (const name of readdirSync(join(root, 'node_modules'))) {
    if (name === 'mfa-kit' || name.startsWith('.')) continue;
    symlinkSync(join(root, 'node_modules', name), join(modules, name));
  }
  // The apps live in the consumer project: from scripts/bench, 'mfa-kit' would resolve to this
  // repository itself (package self-reference) instead of the installed tarball.
  cpSync(appsDir, join(work, 'apps'), { recursive: true });
  return { dir: work, dispose: () => rmSync(work, { recursive: true, force: true }) };
}

const gzip = (code) => gzipSync(code, { level: 9 }).length;

/** Builds one app; `external` leaves modules out of the bundle. */
async function buildApp(consumerDir, file, external) {
  // Vite and the React plugin compile for production only when NODE_ENV says so (Vitest sets 'test').
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  const result = await build({
    configFile: false,
    root: consumerDir,
    mode: 'production',
    logLevel: 'warn',
    publicDir: false,
    plugins: [react()],
    resolve: { dedupe: ['react', 'react-dom'] },
    // The same bundle from `npm run bench` and from Vitest (which sets NODE_ENV=test).
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      modulePreload: false,
      reportCompressedSize: false,
      rollupOptions: { input: join(consumerDir, 'apps', file), external },
    },
  }).finally(() => {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  });
  const outputs = Array.isArray(result) ? result : [result];
  return outputs.flatMap((output) => output.output).filter((item) => item.type === 'chunk');
}

/** Sizes of the entry chunk and its static imports (initial) and of every chunk (total). */
function weigh(chunks) {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const initial = new Set();
  const visit = (name) => {
    if (initial.has(name)) return;
    initial.add(name);
    for (const imported of byName.get(name)?.imports ?? []) visit(imported);
  };
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk.fileName);
  const sizeOf = (list) => list.reduce((sum, chunk) => sum + gzip(chunk.code), 0);
  const initialChunks = chunks.filter((chunk) => initial.has(chunk.fileName));
  return {
    initial: sizeOf(initialChunks),
    total: sizeOf(chunks),
    chunks: chunks.length,
    initialModules: initialChunks.flatMap((chunk) => chunk.moduleIds),
    modules: chunks.flatMap((chunk) => chunk.moduleIds),
  };
}

/**
 * Measures one app twice: its own weight (React and Amplify JS external) and everything.
 * @returns {Promise<{ id: string, label: string, own: ReturnType<typeof weigh>, all: ReturnType<typeof weigh> }>}
 */
export async function measureApp(consumerDir, app, { ownOnly = false } = {}) {
  const own = weigh(await buildApp(consumerDir, app.file, isHostDependency));
  const all = ownOnly ? undefined : weigh(await buildApp(consumerDir, app.file, () => false));
  return { ...app, own, all };
}
