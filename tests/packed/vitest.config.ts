import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// The packed-package tests: apps in temporary folders install the `npm pack` tarball and are driven
// in Debian's Chromium. Builds the package first; slow by nature, so not part of `npm test`.
export default defineConfig({
  test: {
    root: resolve(import.meta.dirname, '../..'),
    include: ['tests/packed/**/*.e2e.ts'],
    globalSetup: ['tests/packed/globalSetup.ts'],
    environment: 'node',
    // One app at a time: each installs, builds and starts a server on this 2-core machine.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 600_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
