import type { AdminUserRow } from '../../ports.js';

const COLUMNS = [
  'username',
  'email',
  'groups',
  'methods',
  'preferred',
  'compliance',
  'graceUntil',
  'bypassUntil',
  'lastChangedAt',
] as const;

/**
 * One CSV field: quoted, quotes doubled, and a value that a spreadsheet would run as a formula
 * (starting with = + - @, a tab or a carriage return) prefixed with an apostrophe, so it stays text.
 */
export function csvField(value: string): string {
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${inert.replaceAll('"', '""')}"`;
}

/** The compliance report as RFC 4180 CSV (CRLF line ends), one row per user. */
export function complianceCsv(rows: AdminUserRow[]): string {
  const lines = [COLUMNS.join(',')];
  for (const row of rows) {
    const values: Record<(typeof COLUMNS)[number], string> = {
      username: row.username,
      email: row.email ?? '',
      groups: row.groups.join(' '),
      methods: row.methods.join(' '),
      preferred: row.preferred ?? '',
      compliance: row.compliance,
      graceUntil: row.graceUntil ?? '',
      bypassUntil: row.bypassUntil ?? '',
      lastChangedAt: row.lastChangedAt ?? '',
    };
    lines.push(COLUMNS.map((column) => csvField(values[column])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
