import { resolve } from 'node:path';
import { assets, entries, root } from './entries.mjs';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * The package's public entry points (scripts/entries.json) mapped to their sources, so tests and
 * stories import `mfa-kit` exactly as a product team does: a name missing from an entry fails them.
 * Longest specifier first, each anchored, so 'mfa-kit/server' never swallows 'mfa-kit/server/dynamodb'.
 */
export const publicEntryAliases = [...entries, ...assets]
  .map(({ specifier, source }) => ({ specifier, source }))
  .sort((a, b) => b.specifier.length - a.specifier.length)
  .map(({ specifier, source }) => ({
    find: new RegExp(`^${escapeRegExp(specifier)}$`),
    replacement: resolve(root, source),
  }));

/** Vite `build.lib.entry`: output name → source. */
export const libEntries: Record<string, string> = Object.fromEntries(
  entries.map((entry) => [entry.name, resolve(root, entry.source)]),
);

/** Absolute sources of the entries whose built file starts with 'use client'. */
export const clientEntrySources = new Set(
  entries.filter((entry) => entry.client).map((entry) => resolve(root, entry.source)),
);
