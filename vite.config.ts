import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import dts from 'vite-plugin-dts';

const root = import.meta.dirname;

export default defineConfig({
  plugins: [
    react(),
    dts({
      tsconfigPath: resolve(root, 'tsconfig.build.json'),
      entryRoot: 'src',
      outDir: 'dist',
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: true,
    emptyOutDir: true,
    cssCodeSplit: false,
    lib: {
      entry: {
        index: resolve(root, 'src/index.ts'),
        amplify: resolve(root, 'src/amplify/index.ts'),
        testing: resolve(root, 'src/testing/index.ts'),
      },
      formats: ['es'],
      cssFileName: 'mfa-kit',
    },
    rollupOptions: {
      external: (id) =>
        /^(react|react-dom|aws-amplify|@aws-amplify|qrcode\.react|@radix-ui|react-hook-form|otpauth)(\/|$)/.test(id) ||
        id.startsWith('node:'),
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/browser/**', 'node_modules/**'],
    setupFiles: ['tests/setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
