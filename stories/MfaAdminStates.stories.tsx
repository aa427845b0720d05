import type { Meta, StoryObj } from '@storybook/react-vite';
import type { CognitoSimulator, SimulatorCall } from 'mfa-kit/testing';
import { expect, userEvent, within } from 'storybook/test';
import { body, renderAdmin, type Show, type StoryArgs, stepUp } from './support/adminStories';

/**
 * Each part of the console on its own, in the states the whole console stories do not show: loading,
 * error and retry, forbidden (dave is not an admin), dark, right-to-left (Arabic) and 375 px.
 */
const meta = {
  title: 'Admin/States',
  args: { show: 'pool', count: 10, as: 'alice' },
  render: renderAdmin,
} satisfies Meta<StoryArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

const FORBIDDEN = /^Only MFA administrators can see this/;
const slow = (call: SimulatorCall) => (simulator: CognitoSimulator) =>
  simulator.failNext(call, { delayMs: 600_000 });
const offline = (call: SimulatorCall) => (simulator: CognitoSimulator) => simulator.failNext(call, 'network');
const addEvent = async (simulator: CognitoSimulator) => {
  await simulator.admin.resetUserMfa({ username: 'bob', justification: 'Lost phone, ticket 4711' });
};
const rtl = async (element: HTMLElement) => expect(element.closest('[dir]')).toHaveAttribute('dir', 'rtl');
const dark = async (element: HTMLElement) =>
  expect(element.closest('[data-theme]')).toHaveAttribute('data-theme', 'dark');
const forbidden = (show: Show): Story => ({
  args: { show, as: 'dave' },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent(FORBIDDEN);
  },
});

// ——— PoolMfaSettings ———
const poolReady = (canvasElement: HTMLElement, name = 'MFA level') =>
  within(canvasElement).findByRole('group', { name });

export const PoolLoading: Story = {
  name: 'Pool: loading',
  args: { show: 'pool', prepare: slow('admin.getPoolMfaConfig') },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Loading…')).toBeVisible();
  },
};

export const PoolErrorRetry: Story = {
  name: 'Pool: error and retry',
  args: { show: 'pool', prepare: offline('admin.getPoolMfaConfig') },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('We could not load this.');
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await expect(await poolReady(canvasElement)).toBeVisible();
  },
};

export const PoolForbidden: Story = { name: 'Pool: forbidden', ...forbidden('pool') };

export const PoolDark: Story = {
  name: 'Pool: dark',
  args: { show: 'pool' },
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await dark(await poolReady(canvasElement));
  },
};

export const PoolRightToLeft: Story = {
  name: 'Pool: right to left',
  args: { show: 'pool' },
  globals: { locale: 'ar' },
  play: async ({ canvasElement }) => {
    await rtl(await poolReady(canvasElement, 'مستوى المصادقة متعددة العوامل'));
  },
};

export const PoolNarrow: Story = {
  name: 'Pool: 375 px',
  args: { show: 'pool', width: 375 },
  play: async ({ canvasElement }) => {
    const group = await poolReady(canvasElement);
    await expect(group.getBoundingClientRect().width).toBeLessThanOrEqual(375);
  },
};

// ——— UserMfaTable (loading, empty, error, dark, RTL and 375 px: MfaAdminConsole stories) ———
export const TableForbidden: Story = { name: 'Users: forbidden', ...forbidden('table') };

// ——— ResetMfaDialog / BypassDialog ———
async function openReset(canvasElement: HTMLElement, name = 'Reset MFA for bob') {
  await userEvent.click(await within(canvasElement).findByRole('button', { name: 'Reset bob' }));
  return body().findByRole('dialog', { name });
}

async function confirmReset(dialog: HTMLElement) {
  await userEvent.type(
    within(dialog).getByRole('textbox', { name: 'Justification' }),
    'Lost phone, ticket 4711',
  );
  await userEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
  await stepUp();
}

export const ResetWorking: Story = {
  name: 'Reset: working',
  args: { show: 'reset', count: 0, prepare: slow('admin.resetUserMfa') },
  play: async ({ canvasElement }) => {
    const dialog = await openReset(canvasElement);
    await confirmReset(dialog);
    await expect(await within(dialog).findByRole('button', { name: 'Working…' })).toBeVisible();
  },
};

export const ResetErrorRetry: Story = {
  name: 'Reset: error and retry',
  args: { show: 'reset', count: 0, prepare: offline('admin.resetUserMfa') },
  play: async ({ canvasElement }) => {
    const dialog = await openReset(canvasElement);
    await confirmReset(dialog);
    await expect(await within(dialog).findByRole('alert')).toHaveTextContent('The network is unavailable.');
    await expect(within(dialog).getByRole('textbox', { name: 'Justification' })).toHaveValue(
      'Lost phone, ticket 4711',
    );
    // The step-up just given still counts: the retry runs at once.
    await userEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    await expect(await within(dialog).findByRole('status')).toHaveTextContent(/^Done\. Audit event \S+\.$/);
  },
};

export const ResetDark: Story = {
  name: 'Reset: dark',
  args: { show: 'reset', count: 0 },
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await dark(await openReset(canvasElement));
  },
};

export const ResetRightToLeft: Story = {
  name: 'Reset: right to left',
  args: { show: 'reset', count: 0 },
  globals: { locale: 'ar' },
  play: async ({ canvasElement }) => {
    await rtl(await openReset(canvasElement, 'إعادة تعيين مصادقة bob'));
  },
};

export const ResetNarrow: Story = {
  name: 'Reset: 375 px',
  args: { show: 'reset', count: 0, width: 375 },
  play: async ({ canvasElement }) => {
    const dialog = await openReset(canvasElement);
    await expect(within(dialog).getByRole('textbox', { name: 'Justification' })).toBeVisible();
  },
};

// ——— AuditLog ———
const auditReady = (canvasElement: HTMLElement, name = 'Audit log') =>
  within(canvasElement).findByRole('table', { name });

export const AuditLoading: Story = {
  name: 'Audit log: loading',
  args: { show: 'audit', prepare: slow('admin.getAuditLog') },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Loading events…')).toBeVisible();
  },
};

export const AuditErrorRetry: Story = {
  name: 'Audit log: error and retry',
  args: {
    show: 'audit',
    prepare: async (simulator) => {
      await addEvent(simulator);
      simulator.failNext('admin.getAuditLog', 'network');
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('We could not load this.');
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await expect(await auditReady(canvasElement)).toHaveTextContent('Lost phone, ticket 4711');
  },
};

export const AuditForbidden: Story = { name: 'Audit log: forbidden', ...forbidden('audit') };

export const AuditDark: Story = {
  name: 'Audit log: dark',
  args: { show: 'audit', prepare: addEvent },
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await dark(await auditReady(canvasElement));
  },
};

export const AuditRightToLeft: Story = {
  name: 'Audit log: right to left',
  args: { show: 'audit', prepare: addEvent },
  globals: { locale: 'ar' },
  play: async ({ canvasElement }) => {
    await rtl(await auditReady(canvasElement, 'سجل التدقيق'));
  },
};

export const AuditNarrow: Story = {
  name: 'Audit log: 375 px',
  args: { show: 'audit', prepare: addEvent, width: 375 },
  play: async ({ canvasElement }) => {
    await expect(await auditReady(canvasElement)).toHaveTextContent('Lost phone, ticket 4711');
  },
};

// ——— MfaAdoptionChart (loading, error and retry: MfaAdminConsole stories) ———
const chartReady = (canvasElement: HTMLElement, name: string | RegExp = /Share of users with MFA/) =>
  within(canvasElement).findByRole('img', { name });

export const AdoptionForbidden: Story = { name: 'Adoption: forbidden', ...forbidden('adoption') };

export const AdoptionDark: Story = {
  name: 'Adoption: dark',
  args: { show: 'adoption' },
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await dark(await chartReady(canvasElement));
  },
};

export const AdoptionRightToLeft: Story = {
  name: 'Adoption: right to left',
  args: { show: 'adoption' },
  globals: { locale: 'ar' },
  play: async ({ canvasElement }) => {
    await rtl(await chartReady(canvasElement, /^نسبة المستخدمين/));
  },
};

export const AdoptionNarrow: Story = {
  name: 'Adoption: 375 px',
  args: { show: 'adoption', width: 375 },
  play: async ({ canvasElement }) => {
    const chart = await chartReady(canvasElement);
    await expect(chart.getBoundingClientRect().width).toBeLessThanOrEqual(375);
  },
};

// ——— ComplianceEvidenceExport ———
const download = async (canvasElement: HTMLElement, name = 'Download CSV') =>
  userEvent.click(await within(canvasElement).findByRole('button', { name }));

export const ExportPreparing: Story = {
  name: 'Export: preparing the file',
  args: { show: 'export', prepare: slow('admin.exportCompliance') },
  play: async ({ canvasElement }) => {
    await download(canvasElement);
    await expect(await within(canvasElement).findByText('Preparing the file…')).toBeVisible();
  },
};

export const ExportDigest: Story = {
  name: 'Export: done, with the digest and its audit event',
  args: { show: 'export' },
  play: async ({ canvasElement }) => {
    await download(canvasElement, 'Download JSON');
    await expect(
      await within(canvasElement).findByText(
        /^SHA-256 of the file: [0-9a-f]{64}\. Recorded as audit event [\w-]+\.$/,
      ),
    ).toBeVisible();
  },
};

export const ExportPeriodInvalid: Story = {
  name: 'Export: period ends before it starts',
  args: { show: 'export' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(await canvas.findByLabelText('Period from (UTC)'), '2026-11-20');
    await userEvent.type(canvas.getByLabelText('Period to (UTC)'), '2026-11-01');
    await download(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'The period must not start after it ends.',
    );
    await expect(canvas.getByLabelText('Period from (UTC)')).toHaveValue('2026-11-20');
  },
};

export const ExportErrorRetry: Story = {
  name: 'Export: error and retry',
  args: { show: 'export', prepare: offline('admin.exportCompliance') },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await download(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('The network is unavailable.');
    await download(canvasElement);
    await expect(await canvas.findByText(/^Downloaded .+\.csv\.$/)).toBeVisible();
  },
};

export const ExportForbidden: Story = {
  name: 'Export: forbidden',
  args: { show: 'export', as: 'dave' },
  play: async ({ canvasElement }) => {
    await download(canvasElement);
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent(FORBIDDEN);
  },
};

export const ExportDark: Story = {
  name: 'Export: dark',
  args: { show: 'export' },
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await dark(await within(canvasElement).findByRole('button', { name: 'Download CSV' }));
  },
};

export const ExportRightToLeft: Story = {
  name: 'Export: right to left',
  args: { show: 'export' },
  globals: { locale: 'ar' },
  play: async ({ canvasElement }) => {
    await rtl(await within(canvasElement).findByRole('button', { name: 'تنزيل CSV' }));
  },
};

export const ExportNarrow: Story = {
  name: 'Export: 375 px',
  args: { show: 'export', width: 375 },
  play: async ({ canvasElement }) => {
    await download(canvasElement);
    // The 64-character digest wraps instead of overflowing the narrow column.
    const digest = await within(canvasElement).findByText(/^SHA-256 of the file:/);
    await expect(digest.getBoundingClientRect().width).toBeLessThanOrEqual(375);
    await expect(digest.scrollWidth).toBeLessThanOrEqual(digest.clientWidth);
  },
};
