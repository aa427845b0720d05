import { defineConfig } from 'vitest/config';
import { publicEntryAliases } from '../publicEntries.js';

/**
 * The Vitest project Stryker runs for each mutant (`npm run test:mutation`): the unit tests of core
 * internals and the server tests that need no emulator — tests that take milliseconds, so a mutant
 * costs a fraction of a second and a full run fits in minutes.
 *
 * Left out, and still run by `npm test`: the suites that start cognito-local or dynalite in
 * `beforeAll` (Stryker re-runs a test file per mutant, so each mutant would restart the emulators:
 * 641 mutants of the security-critical files took over 40 minutes that way), and the component,
 * contract and browser suites, which reach the same core through React and Amplify. The mutation
 * score is therefore what the fast suites alone prove: the rules of `src/core` and `src/server` are
 * stated there (tests/server/mfaHandlerRules, stepUpProofClaims, recoveryServiceRules …), with
 * tokens signed by a local pool key instead of cognito-local's.
 */
const EMULATOR_SUITES = [
  'tests/server/adminAdapters.test.ts',
  'tests/server/adminAudit.test.ts',
  'tests/server/adminAuthz.test.ts',
  'tests/server/adminIndex.test.ts',
  'tests/server/adminIndexBench.test.ts',
  'tests/server/adminRoutes.test.ts',
  'tests/server/adminStore.test.ts',
  'tests/server/mfaHandler.test.ts',
  'tests/server/nodeListenerCrash.test.ts',
  'tests/server/preTokenGeneration.test.ts',
  'tests/server/recoveryStore.test.ts',
  'tests/server/security.test.ts',
];

export default defineConfig({
  root: new URL('../..', import.meta.url).pathname,
  resolve: { alias: publicEntryAliases },
  test: {
    // Node, not jsdom: none of these suites renders, and jsdom's start-up per test file was most of
    // the cost of a run (Stryker runs the whole project for each static mutant).
    environment: 'node',
    globals: true,
    include: ['tests/unit/**/*.test.ts', 'tests/server/**/*.test.ts'],
    exclude: [...EMULATOR_SUITES, 'node_modules/**'],
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
