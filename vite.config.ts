import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import dts from 'vite-plugin-dts';
import { defineConfig } from 'vitest/config';
import { clientEntrySources, libEntries, publicEntryAliases } from './scripts/publicEntries.js';

const root = import.meta.dirname;

/** Ships the theme as `dist/mfa-kit.css` (the `mfa-kit/styles.css` export); no JS entry imports it. */
function emitStylesheet(): Plugin {
  return {
    name: 'mfa-kit:emit-stylesheet',
    apply: 'build',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'mfa-kit.css',
        source: readFileSync(resolve(root, 'src/styles/mfa-kit.css'), 'utf8'),
      });
    },
  };
}

export default defineConfig({
  resolve: { alias: publicEntryAliases },
  plugins: [
    react(),
    emitStylesheet(),
    dts({
      tsconfigPath: resolve(root, 'tsconfig.build.json'),
      entryRoot: 'src',
      outDirs: 'dist',
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: true,
    emptyOutDir: true,
    cssCodeSplit: false,
    lib: {
      entry: libEntries,
      formats: ['es'],
    },
    rollupOptions: {
      output: {
        // One file per source module, no shared chunks: a host's bundler then drops every module an
        // app does not import (package.json `sideEffects`), and the steps loaded with React.lazy stay
        // chunks of their own. A shared chunk pulls all of its modules into any app that uses one.
        preserveModules: true,
        preserveModulesRoot: 'src',
        entryFileNames: '[name].js',
        // The client entry uses hooks and context: Server Components (Next.js App Router) may import
        // it directly. Bundling drops module-level directives, so the entry file gets it back here.
        banner: (chunk) =>
          chunk.isEntry && chunk.facadeModuleId && clientEntrySources.has(chunk.facadeModuleId)
            ? "'use client';"
            : '',
      },
      external: (id) =>
        /^(react|react-dom|aws-amplify|@aws-amplify|qrcode\.react|@radix-ui|@tanstack|react-hook-form|otpauth|aws-jwt-verify|@aws-sdk|papaparse)(\/|$)/.test(
          id,
        ) || id.startsWith('node:'),
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/browser/**', 'tests/bench/**', 'node_modules/**'],
    setupFiles: ['tests/setup.ts'],
    // The SDK warns that releases after January 2027 need Node 22; this project targets Node 20 today.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
