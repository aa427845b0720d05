import type { Meta, StoryObj } from '@storybook/react-vite';
import { CodeInput } from 'mfa-kit';
import { expect, fn, userEvent, within } from 'storybook/test';

const meta = {
  title: 'Components/CodeInput',
  component: CodeInput,
  args: { length: 6, onComplete: fn(), onValueChange: fn() },
} satisfies Meta<typeof CodeInput>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {
  play: async ({ canvasElement, args }) => {
    const input = within(canvasElement).getByRole('textbox', { name: 'Verification code' });
    await userEvent.click(input);
    await expect(input).toHaveFocus();
    await userEvent.keyboard('12a3 456');
    await expect(input).toHaveValue('123456');
    await expect(args.onComplete).toHaveBeenCalledTimes(1);
    await expect(args.onComplete).toHaveBeenCalledWith('123456');
  },
};

export const Partial: Story = {
  args: { defaultValue: '123' },
  play: async ({ canvasElement }) => {
    const input = within(canvasElement).getByRole('textbox', { name: 'Verification code' });
    await expect(input).toHaveValue('123');
    await expect(canvasElement.querySelector('[data-mfa-part="code-input"]')).toHaveAttribute(
      'data-state',
      'partial',
    );
  },
};

export const Complete: Story = {
  args: { defaultValue: '123456' },
  play: async ({ canvasElement }) => {
    const input = within(canvasElement).getByRole('textbox', { name: 'Verification code' });
    await expect(input).toHaveValue('123456');
    await expect(canvasElement.querySelector('[data-mfa-part="code-input"]')).toHaveAttribute(
      'data-state',
      'complete',
    );
  },
};

export const WithError: Story = {
  name: 'Error',
  args: { defaultValue: '000000', error: 'That code is not correct. Check the code and try again.' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const input = canvas.getByRole('textbox', { name: 'Verification code' });
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(canvas.getByRole('alert')).toHaveTextContent('That code is not correct.');
    await expect(input).toHaveAccessibleDescription(/That code is not correct/);
  },
};

export const Disabled: Story = {
  args: { defaultValue: '123456', disabled: true },
  play: async ({ canvasElement }) => {
    const input = within(canvasElement).getByRole('textbox', { name: 'Verification code' });
    await expect(input).toBeDisabled();
  },
};

export const RightToLeft: Story = {
  name: 'RTL (Arabic)',
  globals: { locale: 'ar' },
  play: async ({ canvasElement }) => {
    const input = within(canvasElement).getByRole('textbox', { name: 'رمز التحقق' });
    await userEvent.click(input);
    await userEvent.keyboard('١٢٣٤٥٦');
    await expect(input).toHaveValue('123456');
    await expect(canvasElement.querySelector('[data-mfa-part="code-input"]')).toHaveAttribute('dir', 'rtl');
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  args: { defaultValue: '12' },
  play: async ({ canvasElement }) => {
    const input = within(canvasElement).getByRole('textbox', { name: 'Verification code' });
    await expect(input.closest('[data-theme]')).toHaveAttribute('data-theme', 'dark');
    await userEvent.click(input);
    await userEvent.keyboard('3456');
    await expect(input).toHaveValue('123456');
  },
};
