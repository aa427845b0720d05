// Packs mfa-kit as npm would publish it, lints the tarball (publint, attw), then imports every
// subpath from the packed files in a plain Node ESM process, as a consumer's app would.
import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '..');

/**
 * Gzipped size budgets for what a consumer downloads (dependencies are external and not counted).
 * The four message catalogs (shared by mfa-kit and mfa-kit/core) are most of the shared chunks;
 * MfaSettings, MfaGate and ContactFactorSetup (issue 17) are most of the growth of index.js.
 */
const sizeBudgets = {
  'dist/index.js': 36 * 1024,
  // The admin console (issue 19): its own entry, with @tanstack/react-virtual (~8 KiB) bundled in.
  'dist/admin.js': 12 * 1024,
  'dist/core.js': 2 * 1024,
  'dist/amplify.js': 2 * 1024,
  // Server-side only (never in a browser bundle): the admin routes, stores and MFA-status index
  // (issue 18) add ~3 KB here and ~6 KB to the shared chunks.
  'dist/server.js': 12 * 1024,
  'dist/dynamodb.js': 4 * 1024,
  'dist/testing.js': 10 * 1024,
  'dist/mfa-kit.css': 5 * 1024,
  // Chunks shared between entries: the catalogs, error mapping, code formats, recovery rules, MFA policy,
  // and the admin service that mfa-kit/server and the simulator in mfa-kit/testing both run.
  // With mfa-kit/admin (issue 19), MfaProvider and StepUpProvider (~8 KiB) move from index.js into a
  // chunk both client entries share, so the console and the app use one React context.
  // The compliance export (issue 19) adds ~3.5 KiB to the admin service chunk, and Papa Parse (~7 KiB),
  // bundled there while vite.config.ts does not list it as external (mfa-kit/server and mfa-kit/testing
  // only: never in mfa-kit or mfa-kit/admin).
  'dist/*-*.js': 62 * 1024,
};

function checkSizeBudgets() {
  const over = [];
  const chunks = readdirSync(join(root, 'dist')).filter((name) => /^[\w]+-[\w-]+\.js$/.test(name));
  for (const [file, budget] of Object.entries(sizeBudgets)) {
    const files = file === 'dist/*-*.js' ? chunks.map((name) => join('dist', name)) : [file];
    const size = files.reduce((sum, name) => sum + gzipSync(readFileSync(join(root, name))).length, 0);
    console.log(
      `${file}: ${(size / 1024).toFixed(1)} KiB gzipped (budget ${(budget / 1024).toFixed(0)} KiB)`,
    );
    if (size > budget) over.push(file);
  }
  if (over.length > 0) throw new Error(`Over the size budget: ${over.join(', ')}`);
}
/** A build made with NODE_ENV other than production ships React's development JSX runtime. */
function checkProductionBuild() {
  for (const name of readdirSync(join(root, 'dist')).filter((file) => file.endsWith('.js'))) {
    if (readFileSync(join(root, 'dist', name), 'utf8').includes('jsxDEV'))
      throw new Error(`dist/${name} uses the development JSX runtime: build with NODE_ENV=production.`);
  }
}
checkProductionBuild();
const work = mkdtempSync(join(tmpdir(), 'mfa-kit-pack-'));
const run = (command, args, cwd = root) => execFileSync(command, args, { cwd, stdio: 'inherit' });

try {
  run('npm', ['pack', '--pack-destination', work, '--silent']);
  const tarball = join(
    work,
    readdirSync(work).find((name) => name.endsWith('.tgz')),
  );
  console.log(`packed ${tarball}`);

  run(join(root, 'node_modules/.bin/publint'), ['run', tarball, '--strict']);
  run(join(root, 'node_modules/.bin/attw'), [
    tarball,
    '--profile',
    'esm-only',
    '--exclude-entrypoints',
    'styles.css',
  ]);

  // A consumer project: the tarball unpacked as node_modules/mfa-kit, peers and deps linked from here.
  const consumer = join(work, 'consumer');
  const modules = join(consumer, 'node_modules');
  mkdirSync(join(modules, 'mfa-kit'), { recursive: true });
  run('tar', ['-xzf', tarball, '-C', join(modules, 'mfa-kit'), '--strip-components=1']);
  for (const dependency of readdirSync(join(root, 'node_modules'))) {
    if (dependency === 'mfa-kit' || dependency.startsWith('.')) continue;
    symlinkSync(join(root, 'node_modules', dependency), join(modules, dependency));
  }
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', type: 'module' }));
  writeFileSync(
    join(consumer, 'check.mjs'),
    `
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = await import('mfa-kit');
for (const name of ['MfaProvider', 'useMfa', 'CodeInput', 'MfaError', 'toMfaError', 'normalizeCode', 'en', 'ar']) {
  assert.ok(main[name], 'mfa-kit exports ' + name);
}
assert.equal(main.normalizeCode('123 456'), '123456');

// Only the client entry is a client module: Server Components import the rest directly.
const directive = (file) => readFileSync(fileURLToPath(import.meta.resolve(file)), 'utf8').startsWith('"use client"');
assert.ok(directive('mfa-kit'), "mfa-kit starts with 'use client'");
assert.ok(directive('mfa-kit/admin'), "mfa-kit/admin starts with 'use client'");
for (const entry of ['mfa-kit/core', 'mfa-kit/server', 'mfa-kit/server/dynamodb', 'mfa-kit/testing', 'mfa-kit/amplify']) {
  assert.ok(!directive(entry), entry + " has no 'use client'");
}

const admin = await import('mfa-kit/admin');
for (const name of ['MfaAdminConsole', 'PoolMfaSettings', 'UserMfaTable', 'ResetMfaDialog', 'BypassDialog', 'AuditLog']) {
  assert.equal(typeof admin[name], 'function', 'mfa-kit/admin exports ' + name);
  assert.equal(main[name], undefined, 'mfa-kit does not export ' + name);
}
// Importing mfa-kit pulls none of the console: its entry file neither contains nor imports it.
const mainSource = readFileSync(fileURLToPath(import.meta.resolve('mfa-kit')), 'utf8');
assert.ok(!/MfaAdminConsole|UserMfaTable|admin.js/.test(mainSource), 'mfa-kit has no admin code');

const core = await import('mfa-kit/core');
assert.equal(core.directionOf('ar'), 'rtl');
assert.equal(core.normalizeCode('123-456'), '123456');
assert.ok(new core.MfaError('CODE_MISMATCH') instanceof Error);

const amplify = await import('mfa-kit/amplify');
assert.equal(typeof amplify.amplifyAuthClient, 'function');
assert.equal(typeof amplify.amplifyAuthClient().signIn, 'function');

const testing = await import('mfa-kit/testing');
const simulator = testing.createCognitoSimulator({
  users: [{ username: 'alice', password: 'Passw0rd!' }],
});
const result = await simulator.client.signIn({ username: 'alice', password: 'Passw0rd!' });
assert.equal(result.nextStep.signInStep, 'DONE');

const server = await import('mfa-kit/server');
const refusal = server.stepUpRequired(300);
assert.equal(refusal.status, 401);
assert.match(refusal.headers.get('WWW-Authenticate'), /insufficient_user_authentication/);
assert.equal(typeof server.verifyStepUpProof, 'function');
const store = server.memoryStore();
const recovery = server.createRecoveryService({
  store,
  pepper: 'a-consumer-pepper-of-at-least-32-characters',
  audit: () => {},
  identity: { verifyPassword: async () => true, resetMfa: async () => {} },
});
const { codes } = await recovery.generate('alice');
assert.equal(codes.length, 10);
assert.deepEqual(await recovery.redeem({ username: 'alice', password: 'x', code: codes[0] }), { ok: true, remaining: 9 });
assert.equal(typeof server.createMfaHandler, 'function');
assert.equal(server.dynamoDbStore, undefined, 'the DynamoDB store lives on its own subpath');
const dynamodb = await import('mfa-kit/server/dynamodb');
assert.equal(typeof dynamodb.dynamoDbStore, 'function');
assert.equal(dynamodb.recoveryTableDefinition('t').KeySchema[0].AttributeName, 'pk');
assert.equal(typeof amplify.amplifyReauthVerifier, 'function');
assert.equal(typeof main.RecoveryCodes, 'function');
assert.equal(typeof main.httpRecoveryCodes, 'function');

const css = fileURLToPath(import.meta.resolve('mfa-kit/styles.css'));
assert.ok(existsSync(css), 'mfa-kit/styles.css resolves to a file');
console.log('every subpath imports from the packed tarball in plain Node ESM');
`,
  );
  run(process.execPath, ['check.mjs'], consumer);
  checkSizeBudgets();
} finally {
  rmSync(work, { recursive: true, force: true });
}
