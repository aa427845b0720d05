import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { entries, expectedExports, expectedPaths, root } from '../../scripts/entries.mjs';
import { libEntries, publicEntryAliases } from '../../scripts/publicEntries.js';

const json = (file: string) => JSON.parse(readFileSync(resolve(root, file), 'utf8'));

// scripts/entries.json is the one list of public entry points; JSON files cannot import it.
describe('the public entry points (scripts/entries.json)', () => {
  it('are exactly package.json exports', () => {
    expect(json('package.json').exports).toEqual(expectedExports());
  });

  it('are exactly the tsconfig.json paths', () => {
    expect(json('tsconfig.json').compilerOptions.paths).toEqual(expectedPaths());
  });

  it('each have a source file, a Vite entry and an alias', () => {
    for (const entry of entries) {
      expect(existsSync(resolve(root, entry.source)), entry.source).toBe(true);
      expect(libEntries[entry.name]).toBe(resolve(root, entry.source));
      const alias = publicEntryAliases.find(({ find }) => find.test(entry.specifier));
      expect(alias?.replacement, entry.specifier).toBe(resolve(root, entry.source));
    }
  });
});
