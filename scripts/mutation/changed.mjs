// @ts-check
/**
 * `npm run test:mutation:changed`: the incremental mutation run CI does — Stryker over the mutated
 * files (`stryker.config.mjs` `mutate`) that changed since the commit of the baseline
 * (`scripts/mutation/incremental.json`), plus any such file the baseline does not hold yet. Results
 * of unchanged mutants are reused from the baseline, so only what changed is tested.
 * Nothing changed: says so and exits 0 without starting Stryker.
 *
 *   node scripts/mutation/changed.mjs [--list] [extra stryker arguments]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import config from './stryker.config.mjs';

const INCREMENTAL = 'scripts/mutation/incremental.json';

/** @param {string[]} args */
const git = (...args) => execFileSync('git', args, { encoding: 'utf8' }).trim();

/** Whether `file` is one Stryker mutates: under a `mutate` folder glob, a `.ts` file, not excluded. */
export function isMutated(file, mutate = config.mutate) {
  const excluded = mutate.filter((glob) => glob.startsWith('!')).map((glob) => glob.slice(1));
  const included = mutate
    .filter((glob) => !glob.startsWith('!'))
    .map((glob) => glob.replace(/\*\*\/\*\.ts$/, ''));
  return (
    file.endsWith('.ts') &&
    !file.endsWith('.d.ts') &&
    included.some((folder) => file.startsWith(folder)) &&
    !excluded.includes(file)
  );
}

/** The mutated files that differ from the baseline's commit (committed, staged or not), or are new to it. */
export function changedSinceBaseline() {
  const baselineCommit = git('log', '-1', '--format=%H', '--', INCREMENTAL);
  const changed = new Set(
    [
      ...git('diff', '--name-only', '--diff-filter=ACMR', baselineCommit, '--').split('\n'),
      ...git('ls-files', '--others', '--exclude-standard').split('\n'),
    ].filter((file) => file && existsSync(file) && isMutated(file)),
  );
  const baseline = existsSync(INCREMENTAL) ? JSON.parse(readFileSync(INCREMENTAL, 'utf8')) : { files: {} };
  for (const file of git('ls-files', 'src').split('\n')) {
    if (isMutated(file) && !(file in baseline.files)) changed.add(file);
  }
  return { baselineCommit, files: [...changed].sort() };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  let changes;
  try {
    changes = changedSinceBaseline();
  } catch (error) {
    console.error('mutation: cannot tell what changed (not a git checkout?); run `npm run test:mutation`.');
    throw error;
  }
  const { baselineCommit, files } = changes;
  if (args.includes('--list')) {
    console.log(files.join('\n'));
  } else if (files.length === 0) {
    console.log(
      `mutation: no mutated file changed since the baseline (${baselineCommit.slice(0, 7)}); skipped.`,
    );
  } else {
    console.log(
      `mutation: ${files.length} file(s) changed since the baseline (${baselineCommit.slice(0, 7)}):`,
    );
    for (const file of files) console.log(`  ${file}`);
    const run = spawnSync(
      process.execPath,
      ['scripts/mutation/run.mjs', '--mutate', files.join(','), ...args],
      {
        stdio: 'inherit',
      },
    );
    process.exitCode = run.status ?? 1;
  }
}
