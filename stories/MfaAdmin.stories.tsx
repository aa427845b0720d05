import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { body, renderAdmin, type StoryArgs, stepUp, table, tabTo } from './support/adminStories';

const meta = {
  title: 'Admin/MfaAdminConsole',
  args: { show: 'console', count: 50, as: 'alice' },
  render: renderAdmin,
  parameters: {
    docs: {
      description: {
        component:
          '`mfa-kit/admin` on the simulator with a demo organisation: alice (admin), bob (authenticator), carol (no MFA), ' +
          'dave (not an admin) and generated users. Every change asks alice for her authenticator code (StepUpProvider).',
      },
    },
  },
} satisfies Meta<StoryArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

export const KeyboardJourney: Story = {
  name: 'Keyboard: find a user, reset with justification, see the audit event',
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await table(canvasElement);
    await tabTo(() => canvas.queryByRole('searchbox', { name: 'Search by username' }));
    await userEvent.keyboard('bob');
    await waitFor(() => expect(canvas.getByText('1 user shown')).toBeVisible());
    await tabTo(() => canvas.queryByRole('button', { name: 'Reset MFA: bob' }));
    await userEvent.keyboard('{Enter}');
    const dialog = await body().findByRole('dialog', { name: 'Reset MFA for bob' });
    await waitFor(() => expect(within(dialog).getByRole('textbox', { name: 'Justification' })).toHaveFocus());
    await userEvent.keyboard('Lost phone; identity checked by video call');
    await tabTo(() => within(dialog).queryByRole('button', { name: 'Confirm' }));
    await userEvent.keyboard('{Enter}');
    await stepUp();
    const done = await within(dialog).findByRole('status');
    await expect(done).toHaveTextContent(/^Done\. Audit event \S+\.$/);
    const auditId = /event (\S+)\./.exec(done.textContent ?? '')?.[1] ?? '';
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus());
    await userEvent.keyboard('{Enter}');
    const log = await canvas.findByRole('table', { name: 'Audit log' });
    const event = await within(log).findByRole('row', { name: new RegExp(auditId) });
    await expect(event).toHaveTextContent('Lost phone; identity checked by video call');
  },
};

export const Loading: Story = {
  args: {
    show: 'table',
    prepare: (simulator) => simulator.failNext('admin.listUsers', { delayMs: 600_000 }),
  },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Loading users…')).toBeVisible();
  },
};

export const Empty: Story = {
  args: { show: 'table' },
  play: async ({ canvasElement }) => {
    await table(canvasElement);
    await userEvent.type(within(canvasElement).getByRole('searchbox', { name: 'Search by username' }), 'zz');
    await expect(await within(canvasElement).findByText('No users match.')).toBeVisible();
  },
};

export const ErrorAndRetry: Story = {
  name: 'Error and retry',
  args: { show: 'table', prepare: (simulator) => simulator.failNext('admin.listUsers', 'network') },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('We could not load this.');
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await expect(await canvas.findByRole('row', { name: /^bob/ })).toBeVisible();
  },
};

export const FilterCompliance: Story = {
  name: 'Filter: non-compliant',
  args: { show: 'table' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await table(canvasElement);
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Compliance' }), 'non_compliant');
    await waitFor(() => expect(canvas.queryByRole('row', { name: /^bob/ })).toBeNull());
    await expect(canvas.getByRole('row', { name: /^carol/ })).toHaveTextContent('Non-compliant');
  },
};

export const FilterRole: Story = {
  name: 'Filter: role',
  args: { show: 'table' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await table(canvasElement);
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Role' }), 'finance');
    await waitFor(() => expect(canvas.queryByRole('row', { name: /^carol/ })).toBeNull());
    await expect(canvas.getByRole('row', { name: /^bob/ })).toHaveTextContent('finance');
  },
};

export const FilterMethod: Story = {
  name: 'Filter: method',
  args: { show: 'table' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await table(canvasElement);
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Method' }), 'SMS');
    await waitFor(() => expect(canvas.getByText('5 users shown')).toBeVisible());
  },
};

export const HundredThousandUsers: Story = {
  name: '100 000 users (virtualised)',
  args: { show: 'table', count: 100_000 },
  play: async ({ canvasElement }) => {
    const list = await table(canvasElement);
    const viewport = list.parentElement as HTMLElement;
    await waitFor(() => expect(within(canvasElement).getByText('60 users shown')).toBeVisible());
    viewport.scrollTop = viewport.scrollHeight;
    await waitFor(() => expect(within(canvasElement).getByText('120 users shown')).toBeVisible());
    viewport.scrollTop = viewport.scrollHeight;
    await waitFor(() => expect(within(canvasElement).getByText('180 users shown')).toBeVisible());
    await expect(within(list).getAllByRole('row').length).toBeLessThan(100);
  },
};

export const ResetForm: Story = {
  name: 'Reset: what will happen',
  args: { show: 'reset', count: 0 },
  play: async ({ canvasElement }) => {
    await userEvent.click(await within(canvasElement).findByRole('button', { name: 'Reset bob' }));
    const dialog = await body().findByRole('dialog', { name: 'Reset MFA for bob' });
    await expect(dialog).toHaveAccessibleDescription(/Every MFA method of bob is turned off/);
  },
};

export const ResetInvalid: Story = {
  name: 'Reset: justification too short',
  args: { show: 'reset', count: 0 },
  play: async ({ canvasElement }) => {
    await userEvent.click(await within(canvasElement).findByRole('button', { name: 'Reset bob' }));
    const dialog = await body().findByRole('dialog', { name: 'Reset MFA for bob' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Justification' }), 'lost');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    await expect(await within(dialog).findByRole('alert')).toHaveTextContent('Write at least 10 characters.');
  },
};

export const ResetStepUp: Story = {
  name: 'Reset: step-up',
  args: { show: 'reset', count: 0 },
  play: async ({ canvasElement }) => {
    await userEvent.click(await within(canvasElement).findByRole('button', { name: 'Reset bob' }));
    const dialog = await body().findByRole('dialog', { name: 'Reset MFA for bob' });
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Justification' }),
      'Lost the phone on a trip',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    const prompt = await body().findByRole('dialog', { name: "Confirm it's you" });
    await expect(prompt).toHaveAccessibleDescription('To continue with: Reset MFA for bob');
  },
};

export const ResetDone: Story = {
  name: 'Reset: done, with the audit id',
  args: { show: 'reset', count: 0 },
  play: async ({ canvasElement }) => {
    await userEvent.click(await within(canvasElement).findByRole('button', { name: 'Reset bob' }));
    const dialog = await body().findByRole('dialog', { name: 'Reset MFA for bob' });
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Justification' }),
      'Lost the phone on a trip',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    await stepUp();
    await expect(await within(dialog).findByRole('status')).toHaveTextContent(/^Done\. Audit event \S+\.$/);
  },
};

export const BypassDone: Story = {
  name: 'Bypass: 2 hours, until when',
  args: { show: 'table', count: 0 },
  play: async ({ canvasElement }) => {
    await userEvent.click(await within(canvasElement).findByRole('button', { name: 'Bypass 24 h: bob' }));
    const dialog = await body().findByRole('dialog', { name: 'Bypass MFA for bob' });
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Justification' }),
      'Travelling without the phone',
    );
    const hours = within(dialog).getByRole('spinbutton', { name: 'Hours (1 to 24)' });
    await userEvent.clear(hours);
    await userEvent.type(hours, '25');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    await expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Choose between 1 and 24 hours.',
    );
    await userEvent.clear(hours);
    await userEvent.type(hours, '2');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    await stepUp();
    await expect(await within(dialog).findByRole('status')).toHaveTextContent(/^Done: MFA is off until/);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await expect(await within(canvasElement).findByRole('button', { name: 'End bypass: bob' })).toBeVisible();
  },
};

export const PoolCurrent: Story = {
  name: 'Pool: current level',
  args: { show: 'pool', count: 10 },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/^Now: Optional/)).toBeVisible();
  },
};

export const PoolReviewOn: Story = {
  name: 'Pool: turning ON shows who is affected and the rollout',
  args: { show: 'pool', count: 10 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('radio', { name: 'Required for everyone' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Review change' }));
    await expect(
      await canvas.findByText('3 users have no MFA: they will be sent to setup at their next sign-in.'),
    ).toBeVisible();
    await expect(canvas.getByRole('region', { name: 'Users without MFA' })).toHaveTextContent('carol');
    await expect(canvas.getByRole('region', { name: 'Recommended rollout' })).toBeVisible();
  },
};

export const PoolApplied: Story = {
  name: 'Pool: typed confirmation, step-up, applied',
  args: { show: 'pool', count: 10 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('radio', { name: 'Required for everyone' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Review change' }));
    await userEvent.type(
      await canvas.findByRole('textbox', { name: 'Justification' }),
      'SOC 2 CC6.1 rollout',
    );
    await userEvent.type(canvas.getByRole('textbox', { name: 'Type ON to confirm' }), 'ON');
    await userEvent.click(canvas.getByRole('button', { name: 'Apply change' }));
    await stepUp();
    await expect(await canvas.findByText('Saved. MFA level is now Required for everyone.')).toBeVisible();
  },
};

export const AuditMarkupInert: Story = {
  name: 'Audit log: markup in a justification stays text',
  args: {
    show: 'audit',
    count: 0,
    prepare: async (simulator) => {
      await simulator.admin.resetUserMfa({
        username: 'bob',
        justification: '<img src=x onerror=alert(1)> lost phone',
      });
    },
  },
  play: async ({ canvasElement }) => {
    const log = await within(canvasElement).findByRole('table', { name: 'Audit log' });
    await expect(log).toHaveTextContent('<img src=x onerror=alert(1)> lost phone');
    await expect(log.querySelector('img')).toBeNull();
  },
};

export const AuditEmpty: Story = {
  name: 'Audit log: empty',
  args: { show: 'audit', count: 0 },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('No events match.')).toBeVisible();
  },
};

export const Export: Story = {
  name: 'Compliance export',
  args: { show: 'export', count: 10 },
  play: async ({ canvasElement }) => {
    await userEvent.click(await within(canvasElement).findByRole('button', { name: 'Download CSV' }));
    await expect(await within(canvasElement).findByText(/^Downloaded .+\.csv\.$/)).toBeVisible();
  },
};

export const Forbidden: Story = {
  name: 'Forbidden (not an admin)',
  args: { as: 'dave' },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent(
      'Only MFA administrators',
    );
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await expect(await table(canvasElement)).toBeVisible();
  },
};

export const RightToLeft: Story = {
  globals: { locale: 'ar' },
  play: async ({ canvasElement }) => {
    const heading = await within(canvasElement).findByRole('heading', {
      name: 'إدارة المصادقة متعددة العوامل',
    });
    await expect(heading.closest('[dir]')).toHaveAttribute('dir', 'rtl');
  },
};

export const Narrow: Story = {
  name: '375 px',
  args: { width: 375 },
  play: async ({ canvasElement }) => {
    await expect(await table(canvasElement)).toBeInTheDocument();
  },
};

export const Adoption: Story = {
  name: 'Adoption chart with its table',
  args: { show: 'adoption' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const chart = await canvas.findByRole('img', { name: 'Share of users with MFA over time, by role' });
    await expect(chart).toHaveAccessibleDescription(
      /^Today \d+% of users have MFA; the policy target is 90%\.$/,
    );
    const table = canvas.getByRole('table', { name: 'Share of users with MFA, by role' });
    await expect(within(table).getAllByRole('row')).toHaveLength(8);
  },
};

export const AdoptionLoading: Story = {
  name: 'Adoption chart: counting',
  args: {
    show: 'adoption',
    prepare: (simulator) => simulator.failNext('admin.listUsers', { delayMs: 600_000 }),
  },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('0 users counted…')).toBeVisible();
  },
};

export const AdoptionError: Story = {
  name: 'Adoption chart: error and retry',
  args: { show: 'adoption', prepare: (simulator) => simulator.failNext('admin.listUsers', 'network') },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Try again' }));
    await expect(await canvas.findByRole('img', { name: /Share of users with MFA/ })).toBeVisible();
  },
};

export const ResetStepUpCancelled: Story = {
  name: 'Reset: step-up cancelled, nothing changed',
  args: { show: 'reset', count: 0 },
  play: async ({ canvasElement }) => {
    await userEvent.click(await within(canvasElement).findByRole('button', { name: 'Reset bob' }));
    const dialog = await body().findByRole('dialog', { name: 'Reset MFA for bob' });
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Justification' }),
      'Lost the phone on a trip',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    await body().findByRole('dialog', { name: "Confirm it's you" });
    await userEvent.keyboard('{Escape}');
    await expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Cancelled: nothing was changed.',
    );
    await expect(within(dialog).getByRole('textbox', { name: 'Justification' })).toHaveValue(
      'Lost the phone on a trip',
    );
  },
};
