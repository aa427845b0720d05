// @ts-check
/**
 * The per-file bar Stryker cannot express (it has one global `thresholds.break`): each
 * security-critical file must score at least 90 % in `reports/mutation/mutation.json`, and all the
 * files of the report together at least 85 % (the bars live in `thresholds.mjs`).
 * Score = (killed + timeout) / (killed + timeout + survived + no coverage), Stryker's own formula;
 * mutants disabled with a `// Stryker disable … : reason` comment are `Ignored` and do not count.
 * Also prints every file's score so the table in the issue can be re-measured from one run.
 *
 *   node scripts/mutation/check-thresholds.mjs [report.json]
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';

import { OVERALL_THRESHOLD, STRICT_FILES, STRICT_THRESHOLD } from './thresholds.mjs';

export { OVERALL_THRESHOLD, STRICT_FILES, STRICT_THRESHOLD };

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/** @param {{ files: Record<string, { mutants: { status: string }[] }> }} report */
export function fileScores(report, root = process.cwd()) {
  return Object.entries(report.files).map(([file, { mutants }]) => {
    const path = relative(root, resolve(root, file)).replaceAll('\\', '/');
    const detected = mutants.filter((m) => DETECTED.has(m.status)).length;
    const undetected = mutants.filter((m) => UNDETECTED.has(m.status)).length;
    const ignored = mutants.filter((m) => m.status === 'Ignored').length;
    const valid = detected + undetected;
    return { path, detected, undetected, ignored, score: valid === 0 ? 100 : (100 * detected) / valid };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const reportPath = process.argv[2] ?? 'reports/mutation/mutation.json';
  const scores = fileScores(JSON.parse(readFileSync(reportPath, 'utf8')));
  const failures = [];
  let detected = 0;
  let valid = 0;
  console.log('file'.padEnd(52), 'score   detected/valid  ignored  bar');
  for (const row of scores.sort((a, b) => a.path.localeCompare(b.path))) {
    const strict = STRICT_FILES.some((pattern) => pattern.test(row.path));
    detected += row.detected;
    valid += row.detected + row.undetected;
    const bar = strict ? STRICT_THRESHOLD : undefined;
    if (bar !== undefined && row.score < bar) failures.push(row);
    console.log(
      row.path.padEnd(52),
      `${row.score.toFixed(1).padStart(5)} %`,
      `${row.detected}/${row.detected + row.undetected}`.padStart(15),
      String(row.ignored).padStart(8),
      bar === undefined ? '' : ` ${bar} %${row.score < bar ? '  FAIL' : ''}`,
    );
  }
  const overall = valid === 0 ? 100 : (100 * detected) / valid;
  console.log(`all: ${overall.toFixed(1)} % (${detected}/${valid})`);
  if (overall < OVERALL_THRESHOLD) {
    console.error(`Below ${OVERALL_THRESHOLD} % overall.`);
    process.exitCode = 1;
  }
  if (failures.length > 0) {
    console.error(`Below ${STRICT_THRESHOLD} %: ${failures.map((row) => row.path).join(', ')}`);
    process.exitCode = 1;
  }
}
