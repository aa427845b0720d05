import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import type { BrowserCommand } from 'vitest/node';
import { publicEntryAliases } from './scripts/publicEntries.js';

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

/**
 * Decodes a PNG (base64) with Debian's zbarimg, a QR reader independent of jsQR.
 * Answers null when zbar-tools is not installed.
 */
const zbarDecode: BrowserCommand<[base64Png: string]> = (_context, base64Png) => {
  const directory = mkdtempSync(join(tmpdir(), 'mfa-kit-qr-'));
  try {
    const file = join(directory, 'qr.png');
    writeFileSync(file, Buffer.from(base64Png, 'base64'));
    return execFileSync('zbarimg', ['--quiet', '--raw', file], { encoding: 'utf8' }).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
};

/** Chromium's forced-colors emulation (Windows high contrast) on or off, for the visual tests. */
const emulateForcedColors: BrowserCommand<[active: boolean]> = async (context, active) => {
  if (context.provider.name !== 'playwright') throw new Error('emulateForcedColors needs Playwright');
  await (
    context as unknown as {
      page: { emulateMedia(options: { forcedColors: 'active' | 'none' }): Promise<void> };
    }
  ).page.emulateMedia({
    forcedColors: active ? 'active' : 'none',
  });
};

interface ScreenshotPathParts {
  root: string;
  testFileDirectory: string;
  arg: string;
  browserName: string;
  platform: string;
  ext: string;
}

// A fresh object per project: Vitest writes resolved names into `instances`.
const browser = () => ({
  enabled: true,
  headless: true,
  provider: chromium,
  instances: [{ browser: 'chromium' as const }],
  commands: { zbarDecode, emulateForcedColors },
  expect: {
    toMatchScreenshot: {
      // Reference screenshots are committed beside the test (tests/browser/screenshots/); failure
      // screenshots and diffs stay in the ignored folders.
      resolveScreenshotPath: (where: ScreenshotPathParts) =>
        join(
          where.root,
          where.testFileDirectory,
          'screenshots',
          `${where.arg}-${where.browserName}-${where.platform}${where.ext}`,
        ),
    },
  },
});

// Pre-bundled up front: discovering a dependency mid-run reloads the page and can load React twice.
const optimizeDeps = {
  include: [
    'react',
    'react-dom',
    'react-dom/client',
    'react/jsx-runtime',
    'react/jsx-dev-runtime',
    '@radix-ui/react-dialog',
    'qrcode.react',
    'react-hook-form',
    'otpauth',
    'jsqr',
    'axe-core',
    '@testing-library/react',
    '@storybook/react-vite',
    'storybook/test',
  ],
};

export default defineConfig({
  test: {
    testTimeout: 30_000,
    projects: [
      {
        plugins: [storybookTest({ configDir: resolve(root, '.storybook') })],
        resolve: { alias: publicEntryAliases },
        test: {
          name: 'stories',
          browser: browser(),
        },
      },
      {
        plugins: [react()],
        optimizeDeps,
        resolve: { alias: publicEntryAliases, dedupe: ['react', 'react-dom'] },
        test: {
          name: 'chromium-tests',
          include: ['tests/browser/**/*.test.{ts,tsx}'],
          browser: browser(),
        },
      },
    ],
  },
});
