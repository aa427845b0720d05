// @ts-check
import { OVERALL_THRESHOLD, STRICT_THRESHOLD } from './thresholds.mjs';

/**
 * Mutation testing of `src/core` and `src/server` (issue 21): `npm run test:mutation`.
 *
 * - Runs the Vitest project in `scripts/mutation/vitest.config.ts` (unit + server suites) once per mutant,
 *   only the tests that cover it (`coverageAnalysis: perTest`, which the Vitest runner always uses).
 * - Incremental: results are reused from `scripts/mutation/incremental.json` (committed) for every
 *   mutant whose code and covering tests did not change, so a run after a small change takes minutes.
 *   After a change of substance, run and commit the refreshed file.
 * - Reports (HTML + JSON) go to `reports/mutation/` (ignored by git).
 * - `thresholds.break`: the run fails below 85 % overall. The stricter 90 % for the security-critical
 *   files (`STRICT_FILES` in `thresholds.mjs`: verifyStepUpProof, the recovery and admin handlers,
 *   server/recovery/**, core/recovery) is checked per file by `check-thresholds.mjs` from the JSON report.
 * - Concurrency 2: the project's machines have two cores. Scope a run to files with
 *   `npm run test:mutation -- --mutate src/server/verifyStepUpProof.ts`.
 *
 * Left out of `mutate`: the SDK-backed stores and adapters, which only run against dynalite or
 * Cognito over the network (each mutant would restart an emulator), and type-only / re-export files.
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'scripts/mutation/vitest.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'src/core/**/*.ts',
    'src/server/**/*.ts',
    '!src/core/index.ts',
    '!src/server/index.ts',
    '!src/server/dynamodb.ts',
    '!src/server/recovery/dynamoDbStore.ts',
    '!src/server/recovery/store.ts',
    '!src/server/recovery/identity.ts',
    '!src/server/recovery/cognitoIdentity.ts',
    '!src/server/admin/dynamoDbAdminStore.ts',
    '!src/server/admin/dynamoDbAdminEvents.ts',
    '!src/server/admin/dynamoDbAdminAdoption.ts',
    '!src/server/admin/dynamoDbAdminTable.ts',
    '!src/server/admin/cognitoAdminPool.ts',
  ],
  checkers: [],
  concurrency: 2,
  timeoutMS: 20_000,
  incremental: true,
  incrementalFile: 'scripts/mutation/incremental.json',
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: STRICT_THRESHOLD, low: OVERALL_THRESHOLD, break: OVERALL_THRESHOLD },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
