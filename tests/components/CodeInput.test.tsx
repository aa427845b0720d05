import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CodeInput } from 'mfa-kit';
import { ar } from 'mfa-kit/locales/ar';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProvider } from './renderWithProvider';

function Controlled() {
  const [value, setValue] = useState('12');
  return (
    <>
      <CodeInput value={value} onValueChange={setValue} />
      <button type="button" onClick={() => setValue('')}>
        Clear
      </button>
    </>
  );
}

const codeField = () => screen.getByRole('textbox', { name: 'Verification code' });

describe('CodeInput', () => {
  it('is one labelled one-time-code input described by its help text', () => {
    renderWithProvider(<CodeInput />);
    const input = codeField();
    expect(input).toHaveAttribute('autocomplete', 'one-time-code');
    expect(input).toHaveAttribute('inputmode', 'numeric');
    expect(input).toHaveAccessibleDescription('Enter the 6-digit code.');
    expect(screen.getAllByRole('textbox')).toHaveLength(1);
  });

  it('keeps digits and ignores letters while typing', async () => {
    const user = userEvent.setup();
    renderWithProvider(<CodeInput />);
    await user.type(codeField(), '1a2b3');
    expect(codeField()).toHaveValue('123');
  });

  it.each(['123 456', '123-456', '１２３４５６'])('normalises a paste of %j', async (pasted) => {
    const user = userEvent.setup();
    const onComplete = vi.fn();
    renderWithProvider(<CodeInput onComplete={onComplete} />);
    await user.click(codeField());
    await user.paste(pasted);
    expect(codeField()).toHaveValue('123456');
    expect(onComplete).toHaveBeenCalledWith('123456');
  });

  it('fires onComplete exactly once per completed code', async () => {
    const user = userEvent.setup();
    const onComplete = vi.fn();
    renderWithProvider(<CodeInput onComplete={onComplete} />);
    await user.type(codeField(), '1234567');
    expect(codeField()).toHaveValue('123456');
    expect(onComplete).toHaveBeenCalledTimes(1);
    await user.type(codeField(), '{Backspace}9');
    expect(onComplete).toHaveBeenCalledTimes(2);
    expect(onComplete).toHaveBeenLastCalledWith('123459');
  });

  it('deletes with backspace', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    renderWithProvider(<CodeInput onValueChange={onValueChange} defaultValue="1234" />);
    await user.type(codeField(), '{Backspace}{Backspace}');
    expect(codeField()).toHaveValue('12');
    expect(onValueChange).toHaveBeenLastCalledWith('12');
  });

  it('announces an error and marks the input invalid', () => {
    renderWithProvider(<CodeInput error="That code is not correct." />);
    expect(codeField()).toHaveAttribute('aria-invalid', 'true');
    expect(codeField()).toHaveAccessibleDescription('Enter the 6-digit code. That code is not correct.');
    expect(screen.getByRole('alert')).toHaveTextContent('That code is not correct.');
  });

  it('cannot be typed in while disabled', async () => {
    const user = userEvent.setup();
    renderWithProvider(<CodeInput disabled />);
    await user.type(codeField(), '123');
    expect(codeField()).toBeDisabled();
    expect(codeField()).toHaveValue('');
  });

  it('works controlled', async () => {
    const user = userEvent.setup();
    renderWithProvider(<Controlled />);
    await user.type(codeField(), '3');
    expect(codeField()).toHaveValue('123');
    await user.click(screen.getByRole('button', { name: 'Clear' }));
    expect(codeField()).toHaveValue('');
  });

  it('is reachable and usable with the keyboard alone', async () => {
    const user = userEvent.setup();
    const onComplete = vi.fn();
    renderWithProvider(
      <>
        <button type="button">Before</button>
        <CodeInput onComplete={onComplete} />
      </>,
    );
    await user.tab();
    await user.tab();
    expect(codeField()).toHaveFocus();
    await user.keyboard('654321');
    expect(onComplete).toHaveBeenCalledWith('654321');
  });

  it('uses the locale of the provider and keeps digits left to right', () => {
    renderWithProvider(<CodeInput />, { locale: 'ar', catalog: ar });
    const input = screen.getByRole('textbox', { name: 'رمز التحقق' });
    expect(input).toHaveAttribute('dir', 'ltr');
    expect(input.closest('[data-mfa-part="code-input"]')).toHaveAttribute('dir', 'rtl');
  });

  it('shows its state for styling', async () => {
    const user = userEvent.setup();
    renderWithProvider(<CodeInput />);
    const root = codeField().closest('[data-mfa-part="code-input"]');
    expect(root).toHaveAttribute('data-state', 'empty');
    await user.type(codeField(), '12');
    expect(root).toHaveAttribute('data-state', 'partial');
    await user.type(codeField(), '3456');
    expect(root).toHaveAttribute('data-state', 'complete');
  });
});
