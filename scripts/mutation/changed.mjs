// @ts-check
/**
 * `npm run test:mutation:changed`: the incremental mutation run CI does — Stryker over the mutated
 * files (`stryker.config.mjs` `mutate`) that changed since the commit of the baseline
 * (`scripts/mutation/incremental.json`), plus any such file the baseline does not hold yet. Results
 * of unchanged mutants are reused from the baseline, so only what changed is tested.
 * Nothing changed: says so and exits 0 without starting Stryker.
 *
 * `--max-lines N` (CI passes 300): when more than N lines of mutated files changed, the run would not
 * fit the CI budget (~1.5 mutants per line, ~1 s each on two cores), so it is skipped with a notice:
 * run `npm run test:mutation` locally and commit the refreshed baseline with the change.
 *
 *   node scripts/mutation/changed.mjs [--list] [--max-lines N] [extra stryker arguments]
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

/** Lines added or changed in `files` since `commit` (a file new to git counts whole). */
export function changedLines(commit, files) {
  let lines = 0;
  for (const file of files) {
    const tracked = git('ls-files', '--', file) !== '';
    const stat = tracked ? git('diff', '--numstat', commit, '--', file) : '';
    const added = stat ? Number(stat.split('\t')[0]) : readFileSync(file, 'utf8').split('\n').length;
    lines += Number.isFinite(added) ? added : 0;
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const maxAt = args.indexOf('--max-lines');
  const maxLines = maxAt === -1 ? Number.POSITIVE_INFINITY : Number(args[maxAt + 1]);
  if (maxAt !== -1) args.splice(maxAt, 2);
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
  } else if (changedLines(baselineCommit, files) > maxLines) {
    console.log(
      `mutation: ${changedLines(baselineCommit, files)} lines of ${files.length} mutated file(s) changed since the baseline (${baselineCommit.slice(0, 7)}), more than the ${maxLines} that fit this run; skipped.`,
    );
    console.log(
      '  Run `npm run test:mutation` and commit scripts/mutation/incremental.json with the change.',
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
