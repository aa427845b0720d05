import type { Meta, StoryObj } from '@storybook/react-vite';
import { MfaMethodPicker } from 'mfa-kit';
import { expect, fn, userEvent, within } from 'storybook/test';

const meta = {
  title: 'Components/MfaMethodPicker',
  component: MfaMethodPicker,
  args: { methods: ['TOTP', 'SMS', 'EMAIL'], defaultValue: 'TOTP', onValueChange: fn() },
} satisfies Meta<typeof MfaMethodPicker>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const totp = canvas.getByRole('radio', { name: 'Authenticator app' });
    await expect(totp).toBeChecked();
    await expect(totp).toHaveAccessibleDescription(/Recommended/);
    await userEvent.click(totp);
    await userEvent.keyboard('{ArrowDown}');
    await expect(canvas.getByRole('radio', { name: 'Text message (SMS)' })).toBeChecked();
    await expect(args.onValueChange).toHaveBeenLastCalledWith('SMS');
    await expect(canvas.getByRole('radio', { name: 'Text message (SMS)' })).toHaveAccessibleDescription(
      /SIM swapping/,
    );
  },
};

export const Disabled: Story = {
  args: { disabled: true },
  play: async ({ canvasElement }) => {
    for (const radio of within(canvasElement).getAllByRole('radio')) await expect(radio).toBeDisabled();
  },
};

export const RightToLeft: Story = {
  name: 'RTL (Arabic)',
  globals: { locale: 'ar' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('group', { name: 'طريقة التحقق' })).toHaveAttribute(
      'dir',
      'rtl',
    );
  },
};

export const ClickAnywhereOnTheCard: Story = {
  name: 'Card click selects',
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    // What a pointer at the middle of the card's description hits: the label stretched over the card.
    const box = canvas.getByText(/sent to your email address/i).getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    await expect(hit?.tagName).toBe('LABEL');
    await userEvent.click(hit as Element);
    await expect(canvas.getByRole('radio', { name: 'Email' })).toBeChecked();
    await expect(args.onValueChange).toHaveBeenLastCalledWith('EMAIL');
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const group = within(canvasElement).getByRole('group', { name: 'Verification method' });
    await expect(getComputedStyle(group).colorScheme).toBe('dark');
  },
};
