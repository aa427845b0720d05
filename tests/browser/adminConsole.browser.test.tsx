// Screenshots of the admin console (to __screenshots__/admin/, git-ignored; tests/samples-admin/*.png are copies of
// them), light and dark, English and Arabic,
// on a 50-user demo organisation. Not a visual-regression comparison: the rows and the layout are checked.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { MfaProvider, type MfaTheme } from 'mfa-kit';
import { MfaAdminConsole } from 'mfa-kit/admin';
import { createCognitoSimulator } from 'mfa-kit/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import 'mfa-kit/styles.css';
import { ar } from 'mfa-kit/locales/ar';
import { demoOrganisation, signInAs } from '../../stories/support/adminDemo';

afterEach(() => cleanup());

const variants = [
  { name: 'light-en', theme: 'light', locale: 'en' },
  { name: 'dark-ar', theme: 'dark', locale: 'ar' },
] as const;

describe('admin console screenshots', () => {
  for (const variant of variants) {
    it(variant.name, async () => {
      await page.viewport(1100, 2600);
      const simulator = createCognitoSimulator({ users: demoOrganisation(50) });
      await signInAs(simulator);
      await simulator.admin.resetUserMfa({
        username: 'bob',
        justification: 'Lost phone; identity checked by video call',
      });
      await simulator.admin.bypassUserMfa({
        username: 'dave',
        justification: 'Travelling without the phone',
        hours: 8,
      });
      render(
        <MfaProvider
          client={simulator.client}
          issuer="Acme"
          locale={variant.locale}
          catalog={variant.locale === 'ar' ? ar : undefined}
          theme={variant.theme as MfaTheme}
        >
          <div
            data-testid="console"
            className="mfa-root"
            data-theme={variant.theme}
            dir={variant.locale === 'ar' ? 'rtl' : 'ltr'}
            style={{ padding: 16, background: 'var(--mfa-color-bg)', color: 'var(--mfa-color-text)' }}
          >
            <MfaAdminConsole adapter={simulator.admin} tableHeight={360} adoption={{ target: 0.9 }} />
          </div>
        </MfaProvider>,
      );
      const table = await screen.findByRole('table', {
        name: variant.locale === 'ar' ? 'المستخدمون ومصادقتهم متعددة العوامل' : 'Users and their MFA',
      });
      await waitFor(() => expect(within(table).getAllByRole('row').length).toBeGreaterThan(5));
      const rows = within(table).getAllByRole('row');
      expect(rows.length).toBeLessThan(30);
      await screen.findAllByRole('table');
      await waitFor(() => expect(screen.getAllByRole('table')).toHaveLength(3));
      await page.screenshot({
        path: `__screenshots__/admin/console-${variant.name}.png`,
        element: screen.getByTestId('console'),
      });
    });
  }
});
