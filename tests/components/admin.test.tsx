import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as main from 'mfa-kit';
import { MfaProvider } from 'mfa-kit';
import {
  AuditLog,
  BypassDialog,
  MfaAdminConsole,
  MfaAdoptionChart,
  PoolMfaSettings,
  UserMfaTable,
} from 'mfa-kit/admin';
import { createCognitoSimulator } from 'mfa-kit/testing';
import { describe, expect, it } from 'vitest';
import { demoOrganisation, signInAs } from '../../stories/support/adminDemo';
import { setup, stepUp } from './adminSetup';

const table = () => screen.findByRole('table', { name: 'Users and their MFA' });

describe('mfa-kit/admin', () => {
  it('is its own entry: mfa-kit exports none of the console', () => {
    for (const name of ['MfaAdminConsole', 'UserMfaTable', 'PoolMfaSettings', 'AuditLog', 'ResetMfaDialog']) {
      expect(name in main).toBe(false);
    }
  });

  it('lists users with status badges, searches and filters on the server', async () => {
    const { user } = await setup((adapter) => <UserMfaTable adapter={adapter} />);
    const list = await table();
    await waitFor(() => expect(within(list).getByRole('row', { name: /^bob/ })).toBeInTheDocument());
    expect(
      within(within(list).getByRole('row', { name: /^carol/ })).getByText('Non-compliant'),
    ).toBeInTheDocument();
    expect(
      within(within(list).getByRole('row', { name: /^bob/ })).getByText('Compliant'),
    ).toBeInTheDocument();

    await user.type(screen.getByRole('searchbox', { name: 'Search by username' }), 'car');
    await waitFor(() => expect(within(list).getAllByRole('row')).toHaveLength(2));
    expect(within(list).getByRole('row', { name: /^carol/ })).toBeInTheDocument();
    await user.clear(screen.getByRole('searchbox', { name: 'Search by username' }));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Method' }), 'SMS');
    await waitFor(() => expect(screen.getByText('5 users shown')).toBeInTheDocument());
    for (const row of within(list).getAllByRole('row').slice(1))
      expect(row).toHaveTextContent('Text message');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Method' }), '');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role' }), 'support');
    await waitFor(() => expect(within(list).queryByRole('row', { name: /^bob/ })).toBeNull());
    expect(within(list).getByRole('row', { name: /^carol/ })).toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Role' }), '');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Compliance' }), 'compliant');
    await waitFor(() => expect(within(list).queryByRole('row', { name: /^carol/ })).toBeNull());
  });

  it('keeps fewer than 100 rows in the DOM and fetches the next page as the list scrolls', async () => {
    await setup((adapter) => <UserMfaTable adapter={adapter} height={480} />, { count: 2000 });
    const list = await table();
    await waitFor(() => expect(screen.getByText(/users shown/)).toBeInTheDocument());
    expect(within(list).getAllByRole('row').length).toBeLessThan(100);
    expect(screen.getByText('60 users shown')).toBeInTheDocument();
    const viewport = list.parentElement as HTMLElement;
    viewport.scrollTop = 56 * 50;
    fireEvent.scroll(viewport);
    await waitFor(() => expect(screen.getByText('120 users shown')).toBeInTheDocument());
    expect(within(list).getAllByRole('row').length).toBeLessThan(100);
    expect(within(list).getByRole('row', { name: /^user000050/ })).toBeInTheDocument();
  });

  it('shows an error with a retry that works', async () => {
    const { simulator, user } = await setup((adapter) => <UserMfaTable adapter={adapter} />, { count: 5 });
    await table();
    simulator.failNext('admin.listUsers', 'network');
    await user.type(screen.getByRole('searchbox', { name: 'Search by username' }), 'b');
    expect(await screen.findByRole('alert')).toHaveTextContent('We could not load this.');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('row', { name: /^bob/ })).toBeInTheDocument();
  });

  it('tells a non-admin they may not see it', async () => {
    await setup((adapter) => <UserMfaTable adapter={adapter} />, { count: 5, as: 'dave' });
    expect(await screen.findByRole('alert')).toHaveTextContent('Only MFA administrators can see this.');
  });

  it('resets a user: justification, step-up, result with audit id, event in the log', async () => {
    const { user } = await setup((adapter) => <MfaAdminConsole adapter={adapter} />, { count: 5 });
    await user.click(await screen.findByRole('button', { name: 'Reset MFA: bob' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reset MFA for bob' });
    expect(dialog).toHaveAccessibleDescription(/Every MFA method of bob is turned off/);
    const justification = within(dialog).getByRole('textbox', { name: 'Justification' });
    await waitFor(() => expect(justification).toHaveFocus());
    await user.keyboard('lost it');
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Write at least 10 characters.');
    expect(justification).toHaveValue('lost it');

    await user.type(justification, ' — phone stolen, ID checked <img src=x onerror=alert(1)>');
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    await stepUp(user);
    const done = await within(dialog).findByRole('status');
    expect(done).toHaveTextContent(/^Done\. Audit event \S+\.$/);
    const auditId = /event (\S+)\./.exec(done.textContent ?? '')?.[1] ?? '';
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));

    const log = await screen.findByRole('table', { name: 'Audit log' });
    const event = await within(log).findByRole('row', { name: new RegExp(auditId) });
    expect(event).toHaveTextContent('MFA reset');
    expect(event).toHaveTextContent('lost it — phone stolen, ID checked <img src=x onerror=alert(1)>');
    expect(log.querySelector('img')).toBeNull();
    expect(within(await table()).getByRole('row', { name: /^bob/ })).toHaveTextContent('Non-compliant');
  });

  it('bypasses for at most 24 hours and states until when', async () => {
    const { user } = await setup(
      (adapter) => <BypassDialog adapter={adapter} username="bob" open onOpenChange={() => {}} />,
      {
        count: 0,
      },
    );
    const dialog = await screen.findByRole('dialog', { name: 'Bypass MFA for bob' });
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Justification' }),
      'Travelling without the phone',
    );
    const hours = within(dialog).getByRole('spinbutton', { name: 'Hours (1 to 24)' });
    await user.clear(hours);
    await user.type(hours, '25');
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Choose between 1 and 24 hours.');
    await user.clear(hours);
    await user.type(hours, '2');
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    await stepUp(user);
    expect(await within(dialog).findByRole('status')).toHaveTextContent(
      /^Done: MFA is off until .+\. Audit event \S+\.$/,
    );
  });

  it('refuses an action on oneself with the console text', async () => {
    const { user } = await setup(
      (adapter) => <BypassDialog adapter={adapter} username="alice" open onOpenChange={() => {}} />,
      {
        count: 0,
      },
    );
    const dialog = await screen.findByRole('dialog', { name: 'Bypass MFA for alice' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Justification' }), 'Testing a self bypass');
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    await stepUp(user);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'You cannot reset or bypass your own MFA.',
    );
  });

  it('turns MFA ON only after the dry run, the rollout guidance, a typed confirmation and step-up', async () => {
    const { simulator, user } = await setup((adapter) => <PoolMfaSettings adapter={adapter} />, {
      count: 10,
    });
    expect(
      await screen.findByText(
        'Now: Optional (users choose). Methods: Authenticator app, Text message, Email.',
      ),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Required for everyone' }));
    await user.click(screen.getByRole('button', { name: 'Review change' }));
    expect(
      await screen.findByText('3 users have no MFA: they will be sent to setup at their next sign-in.'),
    ).toBeInTheDocument();
    const list = screen.getByRole('region', { name: 'Users without MFA' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'carol (carol@example.com)',
      'user000008 (user000008@example.com)',
      'user000009 (user000009@example.com)',
    ]);
    expect(screen.getByRole('region', { name: 'Recommended rollout' })).toHaveTextContent(
      'Optional while people enrol',
    );
    await user.type(screen.getByRole('textbox', { name: 'Justification' }), 'Compliance: SOC 2 CC6.1');
    await user.type(screen.getByRole('textbox', { name: 'Type ON to confirm' }), 'on');
    await user.click(screen.getByRole('button', { name: 'Apply change' }));
    expect(await screen.findByText('Type ON exactly.')).toBeInTheDocument();
    expect((await simulator.admin.getPoolMfaConfig()).mode).toBe('OPTIONAL');
    await user.clear(screen.getByRole('textbox', { name: 'Type ON to confirm' }));
    await user.type(screen.getByRole('textbox', { name: 'Type ON to confirm' }), 'ON');
    await user.click(screen.getByRole('button', { name: 'Apply change' }));
    await stepUp(user);
    expect(await screen.findByText('Saved. MFA level is now Required for everyone.')).toBeInTheDocument();
    expect((await simulator.admin.getPoolMfaConfig()).mode).toBe('ON');
  });

  it('filters the audit log by type and target', async () => {
    const { simulator, user } = await setup((adapter) => <AuditLog adapter={adapter} />, { count: 0 });
    expect(await screen.findByText('No events match.')).toBeInTheDocument();
    await simulator.admin.resetUserMfa({ username: 'bob', justification: 'Lost the phone yesterday' });
    await simulator.admin.bypassUserMfa({
      username: 'dave',
      justification: 'Travelling this week',
      hours: 3,
    });
    await user.type(screen.getByRole('textbox', { name: 'User' }), 'dave');
    await user.click(screen.getByRole('button', { name: 'Filter' }));
    const log = await screen.findByRole('table', { name: 'Audit log' });
    expect(within(log).getAllByRole('row')).toHaveLength(2);
    expect(within(log).getAllByRole('row')[1]).toHaveTextContent('MFA bypass');
    await user.clear(screen.getByRole('textbox', { name: 'User' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Event' }), 'mfa_reset');
    await user.click(screen.getByRole('button', { name: 'Filter' }));
    await waitFor(async () =>
      expect(
        within(await screen.findByRole('table', { name: 'Audit log' })).getAllByRole('row')[1],
      ).toHaveTextContent('bob'),
    );
  });

  it('charts MFA adoption by role against the target, with the numbers in a table', async () => {
    const snapshots: unknown[] = [];
    await setup(
      (adapter) => (
        <MfaAdoptionChart
          adapter={adapter}
          target={0.9}
          history={[
            {
              at: '2026-10-01T00:00:00.000Z',
              byRole: { '*': { withMfa: 7, total: 14 }, finance: { withMfa: 1, total: 4 } },
            },
          ]}
          onSnapshot={(snapshot) => snapshots.push(snapshot)}
        />
      ),
      { count: 10 },
    );
    const chart = await screen.findByRole('img', { name: 'Share of users with MFA over time, by role' });
    expect(chart).toHaveAccessibleDescription('Today 79% of users have MFA; the policy target is 90%.');
    const table = screen.getByRole('table', { name: 'Share of users with MFA, by role' });
    const header = within(table)
      .getAllByRole('columnheader')
      .map((cell) => cell.textContent);
    expect(header).toEqual(['When', 'Everyone', 'admin', 'engineering', 'finance', 'staff', 'support']);
    const [earlier, today] = within(table).getAllByRole('row').slice(1);
    expect(
      within(earlier as HTMLElement)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['50%', '—', '—', '25%', '—', '—']);
    // support: carol (none), user000003 (authenticator), user000007 (email) → 2 of 3.
    expect(within(today as HTMLElement).getAllByRole('cell')[5]).toHaveTextContent('67%');
    expect(snapshots).toHaveLength(1);
  });

  it('charts the adoption history the host stored when given none', async () => {
    const stored = {
      at: '2026-09-01T00:00:00.000Z',
      byRole: { '*': { withMfa: 3, total: 12 } },
    };
    await setup(
      (adapter) => (
        <MfaAdoptionChart
          adapter={{ ...adapter, listAdoptionSnapshots: async () => [stored] }}
          target={0.9}
        />
      ),
      { count: 10 },
    );
    const table = await screen.findByRole('table', { name: 'Share of users with MFA, by role' });
    const [earlier, today] = within(table).getAllByRole('row').slice(1);
    expect(within(earlier as HTMLElement).getAllByRole('cell')[0]).toHaveTextContent('25%');
    expect(within(today as HTMLElement).getAllByRole('cell')[0]).toHaveTextContent('79%');
  });

  it('cancelling the step-up changes nothing and keeps the justification for a retry', async () => {
    const { simulator, user } = await setup(
      (adapter) => <BypassDialog adapter={adapter} username="bob" open onOpenChange={() => {}} />,
      { count: 0 },
    );
    const dialog = await screen.findByRole('dialog', { name: 'Bypass MFA for bob' });
    const justification = within(dialog).getByRole('textbox', { name: 'Justification' });
    await user.type(justification, 'Travelling without the phone');
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    await screen.findByRole('dialog', { name: "Confirm it's you" });
    await user.keyboard('{Escape}');
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Cancelled: nothing was changed.');
    expect(justification).toHaveValue('Travelling without the phone');
    expect((await simulator.admin.listUsers({ search: 'bob', limit: 1 })).items[0]?.compliance).toBe(
      'compliant',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    await stepUp(user);
    expect(await within(dialog).findByRole('status')).toHaveTextContent(/^Done: MFA is off until/);
  });

  it('shows days left for a user in grace', async () => {
    const simulator = createCognitoSimulator({ users: demoOrganisation(0) });
    await signInAs(simulator);
    const graceUntil = new Date(Date.now() + 2.5 * 86_400_000).toISOString();
    // The simulated admin has no grace rule (a host's createMfaAdminService option): carol is given one here.
    const adapter: main.AdminAdapter = {
      ...simulator.admin,
      listUsers: async (input) => {
        const page = await simulator.admin.listUsers(input);
        return {
          ...page,
          items: page.items.map((row) =>
            row.username === 'carol' ? { ...row, compliance: 'in_grace' as const, graceUntil } : row,
          ),
        };
      },
    };
    render(
      <MfaProvider client={simulator.client}>
        <UserMfaTable adapter={adapter} />
      </MfaProvider>,
    );
    expect(await screen.findByRole('row', { name: /^carol/ })).toHaveTextContent('In grace · 3 days left');
  });
});
