// @ts-check
/**
 * Carries the results of files a scoped run (`--mutate`) did not touch from the previous incremental
 * file into the new one, so the committed baseline keeps covering all of `src/core` and `src/server`.
 *
 * Test ids are numbered per run, so each carried mutant's `coveredBy` / `killedBy` is translated
 * through the test's identity (test file + name, as Stryker's incremental differ keys it) into the new
 * run's ids; a test that no longer exists is dropped (Stryker then re-tests a mutant it had killed).
 *
 *   node scripts/mutation/carryOver.mjs <from.json> <into.json>   (rewrites into.json)
 */
import { readFileSync, writeFileSync } from 'node:fs';

/** @typedef {{ id: string, name: string }} TestDefinition */
/** @typedef {{ files: Record<string, { mutants: Record<string, unknown>[] }>, testFiles?: Record<string, { tests: TestDefinition[] }> }} Report */

/** @param {Report} report */
function keysById(report) {
  /** @type {Map<string, string>} */
  const keys = new Map();
  for (const [file, { tests }] of Object.entries(report.testFiles ?? {})) {
    for (const test of tests) keys.set(test.id, `${file}\n${test.name}`);
  }
  return keys;
}

/**
 * Copies into `current` every file of `previous` that `current` lacks and `keep(file)` accepts.
 * @param {Report} previous
 * @param {Report} current
 * @param {(file: string) => boolean} keep
 * @returns {string[]} the carried files
 */
export function carryOver(previous, current, keep = () => true) {
  const oldKeys = keysById(previous);
  /** @type {Map<string, string>} */
  const newIds = new Map([...keysById(current)].map(([id, key]) => [key, id]));
  /** @param {unknown} ids */
  const translate = (ids) =>
    Array.isArray(ids)
      ? ids.map((id) => newIds.get(oldKeys.get(String(id)) ?? '')).filter((id) => id !== undefined)
      : ids;
  const carried = Object.keys(previous.files).filter((file) => !(file in current.files) && keep(file));
  for (const file of carried) {
    const entry = previous.files[file];
    if (!entry) continue;
    current.files[file] = {
      ...entry,
      mutants: entry.mutants.map((mutant) => ({
        ...mutant,
        ...('coveredBy' in mutant ? { coveredBy: translate(mutant.coveredBy) } : {}),
        ...('killedBy' in mutant ? { killedBy: translate(mutant.killedBy) } : {}),
      })),
    };
  }
  return carried;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [from, into] = process.argv.slice(2);
  if (!from || !into) throw new Error('usage: node scripts/mutation/carryOver.mjs <from.json> <into.json>');
  const current = JSON.parse(readFileSync(into, 'utf8'));
  const carried = carryOver(JSON.parse(readFileSync(from, 'utf8')), current);
  writeFileSync(into, `${JSON.stringify(current, null, 2)}\n`);
  console.log(`carried ${carried.length} file(s): ${carried.join(', ')}`);
}
