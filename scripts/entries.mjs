// The public entry points (scripts/entries.json) with the paths derived from them, for the Node
// scripts (api-report, check-package, bench) and, through scripts/publicEntries.ts, the Vite configs.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '..');

const data = JSON.parse(readFileSync(resolve(root, 'scripts/entries.json'), 'utf8'));

/** @typedef {{ subpath: string, name: string, source: string, client: boolean, budget: number, specifier: string, js: string, types: string, report: string }} Entry */

/** @type {Entry[]} */
export const entries = data.entries.map((entry) => ({
  ...entry,
  // 'mfa-kit', 'mfa-kit/server/dynamodb'
  specifier: entry.subpath === '.' ? 'mfa-kit' : `mfa-kit/${entry.subpath.slice(2)}`,
  js: `dist/${entry.name}.js`,
  types: `dist/${entry.source.slice('src/'.length).replace(/\.tsx?$/, '.d.ts')}`,
  // API report file name: 'mfa-kit', 'mfa-kit-server-dynamodb'
  report: entry.subpath === '.' ? 'mfa-kit' : `mfa-kit-${entry.subpath.slice(2).replaceAll('/', '-')}`,
}));

/** @type {{ subpath: string, file: string, source: string, budget: number, specifier: string }[]} */
export const assets = data.assets.map((asset) => ({
  ...asset,
  specifier: `mfa-kit/${asset.subpath.slice(2)}`,
}));

/** What package.json `exports` must say for the list above (plus ./package.json). */
export function expectedExports() {
  const exports = {};
  for (const entry of entries) {
    exports[entry.subpath] = { types: `./${entry.types}`, default: `./${entry.js}` };
  }
  for (const asset of assets) exports[asset.subpath] = `./${asset.file}`;
  exports['./package.json'] = './package.json';
  return exports;
}

/** What tsconfig.json `compilerOptions.paths` must say for the list above. */
export function expectedPaths() {
  return Object.fromEntries(entries.map((entry) => [entry.specifier, [`./${entry.source}`]]));
}
