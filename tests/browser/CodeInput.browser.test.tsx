import { cleanup, render } from '@testing-library/react';
import axe from 'axe-core';
import { CodeInput, MfaProvider } from 'mfa-kit';
import { createCognitoSimulator } from 'mfa-kit/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import 'mfa-kit/styles.css';
import { ar } from 'mfa-kit/locales/ar';

function renderCodeInput(onComplete = vi.fn(), locale = 'en') {
  const { client } = createCognitoSimulator();
  return render(
    <MfaProvider client={client} issuer="Acme" locale={locale} catalog={locale === 'ar' ? ar : undefined}>
      <main>
        <label>
          Message from your phone
          <input defaultValue="123 456" />
        </label>
        <CodeInput onComplete={onComplete} />
      </main>
    </MfaProvider>,
  );
}

afterEach(() => cleanup());

describe('CodeInput in Chromium', () => {
  it('takes real keystrokes and completes once', async () => {
    const onComplete = vi.fn();
    renderCodeInput(onComplete);
    const input = page.getByRole('textbox', { name: 'Verification code' });
    await input.click();
    await userEvent.keyboard('12x3456');
    await expect.element(input).toHaveValue('123456');
    expect(onComplete).toHaveBeenCalledTimes(1);
    expect(onComplete).toHaveBeenCalledWith('123456');
  });

  it('normalises a real clipboard paste of "123 456"', async () => {
    const onComplete = vi.fn();
    renderCodeInput(onComplete);
    const input = page.getByRole('textbox', { name: 'Verification code' });
    // Copy from another field and paste with the real clipboard shortcuts, as a user would.
    const source = page.getByRole('textbox', { name: 'Message from your phone' });
    await source.click();
    (source.element() as HTMLInputElement).select();
    await userEvent.copy();
    await input.click();
    await userEvent.paste();
    await expect.element(input).toHaveValue('123456');
    expect(onComplete).toHaveBeenCalledWith('123456');
  });

  it('keeps the highlighted slot on the caret and the selection', async () => {
    renderCodeInput();
    const input = page.getByRole('textbox', { name: 'Verification code' });
    await input.click();
    await userEvent.keyboard('1234');
    const activeSlots = () =>
      [...document.querySelectorAll('[data-mfa-part="slot"]')].flatMap((slot, index) =>
        slot.hasAttribute('data-active') ? [index] : [],
      );
    expect(activeSlots()).toEqual([4]);
    await userEvent.keyboard('{ArrowLeft}{ArrowLeft}');
    await expect.poll(activeSlots).toEqual([2]);
    await userEvent.keyboard('{Shift>}{ArrowLeft}{ArrowLeft}{/Shift}');
    await expect.poll(activeSlots).toEqual([0, 1]);
    await userEvent.keyboard('9');
    await expect.element(input).toHaveValue('934');
  });

  it('has no axe violations, in English and in Arabic', async () => {
    const { unmount } = renderCodeInput();
    const english = await axe.run(document.body);
    expect(english.violations.map((v) => v.id)).toEqual([]);
    unmount();
    renderCodeInput(vi.fn(), 'ar');
    const arabic = await axe.run(document.body);
    expect(arabic.violations.map((v) => v.id)).toEqual([]);
  });
});
