import { defineConfig } from 'vitest/config';
import { publicEntryAliases } from '../publicEntries.js';

/**
 * The Vitest project Stryker runs for each mutant (`npm run test:mutation`): the unit tests of core
 * internals and the server tests — the suites that state the behaviour of `src/core` and `src/server`.
 * Component, contract and browser suites are left out: they exercise the same core through React and
 * Amplify at many times the cost per mutant. Same aliases, environment and setup as `vite.config.ts`,
 * without the build plugins.
 */
export default defineConfig({
  root: new URL('../..', import.meta.url).pathname,
  resolve: { alias: publicEntryAliases },
  test: {
    environment: 'jsdom',
    globals: true,
    include: ['tests/unit/**/*.test.ts', 'tests/server/**/*.test.ts'],
    // The bench fills dynalite with 3 000 users to time pages: minutes per mutant, and it asserts latency, not behaviour.
    exclude: ['tests/server/adminIndexBench.test.ts', 'node_modules/**'],
    setupFiles: ['tests/setup.ts'],
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
