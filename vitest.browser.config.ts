import { resolve } from 'node:path';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;

/** Debian's Chromium, never a downloaded browser; flags keep it off this machine's closed network. */
const chromium = playwright({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  },
});

// A fresh object per project: Vitest writes resolved names into `instances`.
const browser = () => ({
  enabled: true,
  headless: true,
  provider: chromium,
  instances: [{ browser: 'chromium' as const }],
});

export default defineConfig({
  test: {
    testTimeout: 30_000,
    projects: [
      {
        plugins: [storybookTest({ configDir: resolve(root, '.storybook') })],
        test: {
          name: 'stories',
          browser: browser(),
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'chromium-tests',
          include: ['tests/browser/**/*.test.{ts,tsx}'],
          browser: browser(),
        },
      },
    ],
  },
});
