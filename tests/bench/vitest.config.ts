import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// The size bench (issue 14): apps built against the packed dist/ with Vite. Needs `npm run build`
// first, so not part of `npm test`; CI runs it after the build (`npm run test:bench`).
export default defineConfig({
  test: {
    root: resolve(import.meta.dirname, '../..'),
    include: ['tests/bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
