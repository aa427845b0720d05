import { cleanup, render } from '@testing-library/react';
import { MfaProvider, StepUpProvider, useStepUp } from 'mfa-kit';
import { createCognitoSimulator } from 'mfa-kit/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import 'mfa-kit/styles.css';
import { ar } from 'mfa-kit/locales/ar';

afterEach(() => cleanup());

function DeleteButton() {
  const { guard } = useStepUp();
  return (
    <button
      type="button"
      onClick={() =>
        guard(() => undefined, { riskScore: 90, reason: 'Delete', always: true }).catch(() => {})
      }
    >
      Delete
    </button>
  );
}

async function openStepUp(locale: string) {
  const simulator = createCognitoSimulator({
    mfaConfiguration: 'OFF',
    users: [{ username: 'alice', password: 'Passw0rd!', totpSecret: 'JBSWY3DPEHPK3PXP' }],
  });
  await simulator.client.signIn({ username: 'alice', password: 'Passw0rd!' });
  render(
    <MfaProvider
      client={simulator.client}
      recovery={simulator.recoveryCodes}
      locale={locale}
      catalog={locale === 'ar' ? ar : undefined}
    >
      <StepUpProvider verifier={simulator.stepUpVerifier}>
        <DeleteButton />
      </StepUpProvider>
    </MfaProvider>,
  );
  (document.querySelector('button') as HTMLButtonElement).click();
  await expect
    .poll(() => (document.activeElement as HTMLInputElement | null)?.autocomplete)
    .toBe('one-time-code');
  const dialog = document.querySelector('[role="dialog"]') as HTMLElement;
  const field = dialog.querySelector('input') as HTMLInputElement;
  const [cancel, , lost] = Array.from(dialog.querySelectorAll('button'));
  return { field, cancel, lost };
}

describe.each(['en', 'ar'])('step-up dialog keyboard order (%s)', (locale) => {
  it('Tab cycles field → Cancel → "Lost your authenticator?" → field while the code is incomplete', async () => {
    const { field, cancel, lost } = await openStepUp(locale);
    await userEvent.keyboard('12');
    await userEvent.tab();
    expect(document.activeElement).toBe(cancel);
    await userEvent.tab();
    expect(document.activeElement).toBe(lost);
    await userEvent.tab();
    expect(document.activeElement).toBe(field);
  });

  it('Shift+Tab goes the other way', async () => {
    const { field, cancel, lost } = await openStepUp(locale);
    await userEvent.tab({ shift: true });
    expect(document.activeElement).toBe(lost);
    await userEvent.tab({ shift: true });
    expect(document.activeElement).toBe(cancel);
    await userEvent.tab({ shift: true });
    expect(document.activeElement).toBe(field);
  });
});
