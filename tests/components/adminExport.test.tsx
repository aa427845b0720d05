import { createHash } from 'node:crypto';
import { screen, waitFor } from '@testing-library/react';
import type { AdminUserRow } from 'mfa-kit';
import { ComplianceEvidenceExport, type ComplianceExport } from 'mfa-kit/admin';
import type { CognitoSimulator } from 'mfa-kit/testing';
import { describe, expect, it } from 'vitest';
import { parseComplianceCsv } from '../server/support/parseComplianceCsv';
import { setup } from './adminSetup';

async function everyUser(simulator: CognitoSimulator): Promise<AdminUserRow[]> {
  const listed: AdminUserRow[] = [];
  let cursor: string | undefined;
  do {
    const page = await simulator.admin.listUsers({ cursor, limit: 60 });
    listed.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return listed.sort((a, b) => a.username.localeCompare(b.username));
}

function exporter() {
  const files: ComplianceExport[] = [];
  const ui = setup(
    (adapter) => <ComplianceEvidenceExport adapter={adapter} onExport={(file) => files.push(file)} />,
    { count: 70 },
  );
  return { files, ui };
}

describe('ComplianceEvidenceExport', () => {
  it('downloads the CSV: it parses back to the rows the adapter lists, formula cells inert, digest shown', async () => {
    const { files, ui } = exporter();
    const { simulator, user } = await ui;
    simulator.pool.createUser({
      username: 'mallory',
      password: 'Passw0rd!',
      email: '=HYPERLINK("http://x")@example.com',
    });
    await user.click(screen.getByRole('button', { name: 'Download CSV' }));
    expect(
      await screen.findByText(/^Downloaded mfa-compliance-\d{4}-\d{2}-\d{2}\.csv\.$/),
    ).toBeInTheDocument();
    const [file] = files;
    if (!file) throw new Error('no file');
    const csv = parseComplianceCsv(file.body);
    const listed = await everyUser(simulator);
    expect(
      csv.users.map((row) => [row.username, row.email, row.groups, row.methods, row.compliance]),
    ).toEqual(
      listed.map((row) => [
        row.username,
        /^[=+\-@]/.test(row.email ?? '') ? `'${row.email}` : (row.email ?? ''),
        row.groups.join(' '),
        row.methods.join(' '),
        row.compliance,
      ]),
    );
    expect(csv.users.find((row) => row.username === 'mallory')?.email).toBe(
      `'=HYPERLINK("http://x")@example.com`,
    );
    // The digest on screen is the file's (WebCrypto in the simulator, checked here with node:crypto),
    // and names the audit event that recorded it.
    const digest = createHash('sha256').update(file.body, 'utf8').digest('hex');
    expect(file.sha256).toBe(digest);
    expect(
      screen.getByText(`SHA-256 of the file: ${digest}. Recorded as audit event ${file.auditId}.`),
    ).toBeInTheDocument();
    const [event] = (await simulator.admin.getAuditLog({ type: 'compliance_exported' })).items;
    expect(event).toMatchObject({ id: file.auditId, actor: 'alice', details: { sha256: digest } });

    await user.click(screen.getByRole('button', { name: 'Download JSON' }));
    await waitFor(() => expect(files).toHaveLength(2));
    expect(JSON.parse(files[1]?.body ?? '{}').users).toEqual(listed);
  });

  it('checks the period before asking, keeps the dates, and sends the chosen days', async () => {
    const { files, ui } = exporter();
    const { user } = await ui;
    const from = screen.getByLabelText('Period from (UTC)');
    const to = screen.getByLabelText('Period to (UTC)');
    await user.type(from, '2026-11-20');
    await user.type(to, '2026-11-01');
    await user.click(screen.getByRole('button', { name: 'Download CSV' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The period must not start after it ends.');
    expect(files).toHaveLength(0);
    expect(from).toHaveValue('2026-11-20');

    await user.clear(from);
    await user.type(from, '2024-01-01');
    await user.click(screen.getByRole('button', { name: 'Download CSV' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('One export covers at most 366 days');

    await user.clear(from);
    await user.type(from, '2026-10-01');
    await user.click(screen.getByRole('button', { name: 'Download JSON' }));
    await waitFor(() => expect(files).toHaveLength(1));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(JSON.parse(files[0]?.body ?? '{}').period.from).toBe('2026-10-01T00:00:00.000Z');
  });

  it('shows a failed export and exports on retry', async () => {
    const { files, ui } = exporter();
    const { simulator, user } = await ui;
    simulator.failNext('admin.exportCompliance', 'network');
    await user.click(screen.getByRole('button', { name: 'Download CSV' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The network is unavailable.');
    await user.click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(files).toHaveLength(1));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
