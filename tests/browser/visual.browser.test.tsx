// Visual regression: the main surfaces in light and dark, left-to-right and right-to-left, desktop and
// phone width, compared with the committed screenshots in screenshots/ (Debian's Chromium). After
// a deliberate visual change: `npm run test:browser -- --update`, look at the new images, commit them.
import { cleanup, render } from '@testing-library/react';
import { MfaMethodPicker, MfaProvider, type MfaTheme, SignIn, StepUpDialog, TotpSetup } from 'mfa-kit';
import { createCognitoSimulator } from 'mfa-kit/testing';
import type { ReactNode } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import 'mfa-kit/styles.css';
import { ar } from 'mfa-kit/locales/ar';

const variants = [
  { name: 'light-ltr-desktop', theme: 'light', locale: 'en', width: 1024 },
  { name: 'dark-ltr-phone', theme: 'dark', locale: 'en', width: 375 },
  { name: 'light-rtl-phone', theme: 'light', locale: 'ar', width: 375 },
  { name: 'dark-rtl-desktop', theme: 'dark', locale: 'ar', width: 1024 },
] as const;

const compare = {
  comparatorName: 'pixelmatch',
  comparatorOptions: { allowedMismatchedPixelRatio: 0.002 },
} as const;

beforeAll(() => {
  // A blinking caret would make two screenshots of the same state differ.
  const style = document.createElement('style');
  style.textContent = '*, *::before, *::after { animation: none !important; transition: none !important; }';
  document.head.append(style);
});
afterEach(() => cleanup());

const simulator = createCognitoSimulator({
  mfaConfiguration: 'OFF',
  users: [{ username: 'alice', password: 'Passw0rd!', totpSecret: 'JBSWY3DPEHPK3PXP' }],
});

function Frame({ theme, locale, children }: { theme: MfaTheme; locale: string; children: ReactNode }) {
  return (
    <MfaProvider
      client={simulator.client}
      issuer="Acme"
      locale={locale}
      catalog={locale === 'ar' ? ar : undefined}
      theme={theme}
    >
      <div
        className="mfa-root"
        data-theme={theme}
        data-testid="frame"
        dir={locale === 'ar' ? 'rtl' : 'ltr'}
        lang={locale}
        style={{ padding: 16, background: 'var(--mfa-color-bg)', color: 'var(--mfa-color-text)' }}
      >
        {children}
      </div>
    </MfaProvider>
  );
}

/** TOTP setup inside sign-in, with a fixed secret so the QR code is the same every run. */
const totpSetupDetails = {
  sharedSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
};

describe.each(variants)('$name', ({ name, theme, locale, width }) => {
  it('sign-in form', async () => {
    await page.viewport(width, 800);
    render(
      <Frame theme={theme} locale={locale}>
        <SignIn />
      </Frame>,
    );
    await expect.element(page.getByTestId('frame')).toMatchScreenshot(`sign-in-${name}`, compare);
  });

  it('method picker', async () => {
    await page.viewport(width, 800);
    render(
      <Frame theme={theme} locale={locale}>
        <MfaMethodPicker methods={['TOTP', 'SMS', 'EMAIL']} defaultValue="TOTP" />
      </Frame>,
    );
    await expect.element(page.getByTestId('frame')).toMatchScreenshot(`method-picker-${name}`, compare);
  });

  it('TOTP setup', async () => {
    await page.viewport(width, 1200);
    render(
      <Frame theme={theme} locale={locale}>
        <TotpSetup accountName="alice" totpSetupDetails={totpSetupDetails} />
      </Frame>,
    );
    await expect.element(page.getByRole('img', { name: /QR/ })).toBeVisible();
    await expect.element(page.getByTestId('frame')).toMatchScreenshot(`totp-setup-${name}`, compare);
  });

  it('step-up dialog', async () => {
    await page.viewport(width, 800);
    await simulator.client.signIn({ username: 'alice', password: 'Passw0rd!' }).catch(() => {});
    render(
      <Frame theme={theme} locale={locale}>
        <StepUpDialog
          open
          onOpenChange={() => {}}
          verifier={simulator.stepUpVerifier}
          reason="Delete project"
        />
      </Frame>,
    );
    const dialog = page.getByRole('dialog');
    await expect.element(dialog.getByRole('textbox')).toBeVisible();
    await expect.element(dialog).toMatchScreenshot(`step-up-${name}`, compare);
  });
});
