import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/** Packs what the sources say today: a dist/ left from an older checkout would test the wrong package. */
export default function buildPackage() {
  execFileSync('npm', ['run', 'build', '--silent'], {
    cwd: resolve(import.meta.dirname, '../..'),
    // Vitest sets NODE_ENV=test, which would make the library build emit React's development JSX
    // runtime (jsxDEV), absent from production React: build the package as it is published.
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
