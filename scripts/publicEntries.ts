import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/**
 * The package's public entry points mapped to their sources, so tests and stories import `mfa-kit`
 * exactly as a product team does: a name missing from an entry fails them.
 */
export const publicEntryAliases = [
  { find: /^mfa-kit\/admin$/, replacement: resolve(root, 'src/admin/index.ts') },
  { find: /^mfa-kit\/core$/, replacement: resolve(root, 'src/core/index.ts') },
  { find: /^mfa-kit\/amplify$/, replacement: resolve(root, 'src/amplify/index.ts') },
  { find: /^mfa-kit\/testing$/, replacement: resolve(root, 'src/testing/index.ts') },
  { find: /^mfa-kit\/server\/dynamodb$/, replacement: resolve(root, 'src/server/dynamodb.ts') },
  { find: /^mfa-kit\/server$/, replacement: resolve(root, 'src/server/index.ts') },
  { find: /^mfa-kit\/styles\.css$/, replacement: resolve(root, 'src/styles/mfa-kit.css') },
  { find: /^mfa-kit$/, replacement: resolve(root, 'src/index.ts') },
];
