// Packs mfa-kit as npm would publish it, lints the tarball (publint, attw), then imports every
// subpath from the packed files in a plain Node ESM process, as a consumer's app would.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
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
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = await import('mfa-kit');
for (const name of ['MfaProvider', 'useMfa', 'CodeInput', 'MfaError', 'toMfaError', 'normalizeCode', 'en', 'ar']) {
  assert.ok(main[name], 'mfa-kit exports ' + name);
}
assert.equal(main.normalizeCode('123 456'), '123456');

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

const css = fileURLToPath(import.meta.resolve('mfa-kit/styles.css'));
assert.ok(existsSync(css), 'mfa-kit/styles.css resolves to a file');
console.log('every subpath imports from the packed tarball in plain Node ESM');
`,
  );
  run(process.execPath, ['check.mjs'], consumer);
} finally {
  rmSync(work, { recursive: true, force: true });
}
