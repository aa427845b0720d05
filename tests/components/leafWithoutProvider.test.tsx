import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CodeInput, MfaMethodPicker, MfaProvider } from 'mfa-kit';
import { es } from 'mfa-kit/locales/es';
import { createCognitoSimulator } from 'mfa-kit/testing';
import { createRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  document.documentElement.removeAttribute('dir');
});

describe('leaf components without MfaProvider', () => {
  it('CodeInput speaks English, takes the document direction and completes a code', async () => {
    document.documentElement.setAttribute('dir', 'rtl');
    const onComplete = vi.fn();
    render(<CodeInput onComplete={onComplete} />);
    const input = screen.getByRole('textbox', { name: 'Verification code' });
    expect(input).toHaveAccessibleDescription('Enter the 6-digit code.');
    // No dir of its own: the wrapper inherits the document's right-to-left direction.
    expect(input.closest('[data-mfa-part="code-input"]')).not.toHaveAttribute('dir');
    await userEvent.type(input, '123456');
    expect(onComplete).toHaveBeenCalledWith('123456');
  });

  it('CodeInput forwards its ref to the input and passes DOM props through, composing handlers', async () => {
    const ref = createRef<HTMLInputElement>();
    const onFocus = vi.fn();
    const onValueChange = vi.fn();
    render(
      <>
        <p id="hint">Sent to +1 •••• 0100</p>
        <CodeInput
          ref={ref}
          aria-describedby="hint"
          data-testid="otp"
          required
          onFocus={onFocus}
          onValueChange={onValueChange}
        />
      </>,
    );
    const input = screen.getByRole('textbox', { name: 'Verification code' });
    expect(ref.current).toBe(input);
    expect(input).toHaveAttribute('data-testid', 'otp');
    expect(input).toBeRequired();
    expect(input).toHaveAccessibleDescription('Enter the 6-digit code. Sent to +1 •••• 0100');
    act(() => ref.current?.focus());
    expect(input).toHaveFocus();
    expect(onFocus).toHaveBeenCalledTimes(1);
    await userEvent.keyboard('42');
    expect(onValueChange).toHaveBeenLastCalledWith('42');
    expect(input).toHaveValue('42');
  });

  it('MfaMethodPicker speaks English, forwards its ref to the group and passes DOM props through', async () => {
    const ref = createRef<HTMLFieldSetElement>();
    const onChange = vi.fn();
    render(
      <MfaMethodPicker ref={ref} methods={['TOTP', 'SMS']} onValueChange={onChange} data-testid="picker" />,
    );
    const group = screen.getByRole('group', { name: 'Verification method' });
    expect(ref.current).toBe(group);
    expect(group).toHaveAttribute('data-testid', 'picker');
    expect(group).not.toHaveAttribute('dir');
    await userEvent.click(screen.getByRole('radio', { name: 'Authenticator app' }));
    expect(onChange).toHaveBeenCalledWith('TOTP');
  });

  it('inside a provider they follow its locale and direction', () => {
    const { client } = createCognitoSimulator();
    render(
      <MfaProvider client={client} locale="es" catalog={es}>
        <CodeInput />
        <MfaMethodPicker methods={['TOTP']} />
      </MfaProvider>,
    );
    const input = screen.getByRole('textbox', { name: 'Código de verificación' });
    expect(input.closest('[data-mfa-part="code-input"]')).toHaveAttribute('dir', 'ltr');
    expect(screen.getByRole('group')).toHaveAttribute('dir', 'ltr');
  });
});
