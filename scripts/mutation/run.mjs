// @ts-check
/**
 * `npm run test:mutation [-- --mutate <files>]`: Stryker (global bar 85 %), then the per-file 90 % bar
 * of the security-critical files, read from the report this run wrote. Extra arguments go to `stryker run`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const REPORT = 'reports/mutation/mutation.json';
const started = Date.now();
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
if (!existsSync(REPORT) || statSync(REPORT).mtimeMs < started) {
  console.error('mutation: Stryker wrote no report; per-file thresholds not checked.');
  process.exitCode = stryker.status || 1;
} else {
  const check = spawnSync(process.execPath, ['scripts/mutation/check-thresholds.mjs', REPORT], {
    stdio: 'inherit',
  });
  process.exitCode = stryker.status || check.status || 0;
}
