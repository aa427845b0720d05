import type { AdminUserRow, AdoptionSnapshot } from '../ports.js';

/** The role key that counts everyone. */
export const ADOPTION_ALL = '*';

/** Counts users with at least one MFA factor, for everyone and per role (Cognito group). */
export function adoptionSnapshotOf(
  rows: Pick<AdminUserRow, 'groups' | 'methods'>[],
  at: string,
): AdoptionSnapshot {
  const byRole: AdoptionSnapshot['byRole'] = {};
  const add = (role: string, withMfa: boolean) => {
    const entry = byRole[role] ?? { withMfa: 0, total: 0 };
    byRole[role] = entry;
    entry.total += 1;
    if (withMfa) entry.withMfa += 1;
  };
  for (const row of rows) {
    const withMfa = row.methods.length > 0;
    add(ADOPTION_ALL, withMfa);
    for (const group of row.groups) add(group, withMfa);
  }
  return { at, byRole };
}
