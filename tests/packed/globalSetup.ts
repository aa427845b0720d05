import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/** Packs what the sources say today: a dist/ left from an older checkout would test the wrong package. */
export default function buildPackage() {
  execFileSync('npm', ['run', 'build', '--silent'], {
    cwd: resolve(import.meta.dirname, '../..'),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
