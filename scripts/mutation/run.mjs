// @ts-check
/**
 * `npm run test:mutation [-- --mutate <files>]`: Stryker (global bar 85 %), then the per-file 90 % bar
 * of the security-critical files, read from the report this run wrote. Extra arguments go to `stryker run`.
 *
 * A run scoped with `--mutate` writes an incremental file holding only the files it mutated; the
 * results of the other files are carried over from the previous file, so the committed baseline
 * keeps covering all of `src/core` and `src/server`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { carryOver } from './carryOver.mjs';

const REPORT = 'reports/mutation/mutation.json';
const INCREMENTAL = 'scripts/mutation/incremental.json';
const started = Date.now();
const previous = existsSync(INCREMENTAL) ? JSON.parse(readFileSync(INCREMENTAL, 'utf8')) : undefined;
const stryker = spawnSync(
  process.execPath,
  [
    'node_modules/@stryker-mutator/core/bin/stryker.js',
    'run',
    'scripts/mutation/stryker.config.mjs',
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);
if (previous && existsSync(INCREMENTAL) && statSync(INCREMENTAL).mtimeMs >= started) {
  const current = JSON.parse(readFileSync(INCREMENTAL, 'utf8'));
  const carried = carryOver(previous, current, (file) => existsSync(file));
  if (carried.length > 0) writeFileSync(INCREMENTAL, `${JSON.stringify(current, null, 2)}\n`);
}
if (!existsSync(REPORT) || statSync(REPORT).mtimeMs < started) {
  console.error('mutation: Stryker wrote no report; per-file thresholds not checked.');
  process.exitCode = stryker.status || 1;
} else {
  const check = spawnSync(process.execPath, ['scripts/mutation/check-thresholds.mjs', REPORT], {
    stdio: 'inherit',
  });
  process.exitCode = stryker.status || check.status || 0;
}
