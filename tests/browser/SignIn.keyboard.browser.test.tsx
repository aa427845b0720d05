import { cleanup, render } from '@testing-library/react';
import axe from 'axe-core';
import { MfaProvider, SignIn } from 'mfa-kit';
import { createCognitoSimulator } from 'mfa-kit/testing';
import { Secret, TOTP } from 'otpauth';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import 'mfa-kit/styles.css';

afterEach(() => cleanup());

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const phoneCode = () =>
  new TOTP({ secret: Secret.fromBase32(SECRET), algorithm: 'SHA1', digits: 6, period: 30 }).generate();

describe('SignIn in Chromium, keyboard only', () => {
  it('signs in with TOTP, remembers the device, and the next sign-in skips the code', async () => {
    const simulator = createCognitoSimulator({
      users: [{ username: 'totpuser', password: 'Passw0rd!', totpSecret: SECRET, preferred: 'TOTP' }],
    });
    const onSignedIn = vi.fn();
    render(
      <MfaProvider client={simulator.client} issuer="Acme">
        <main>
          <SignIn onSignedIn={onSignedIn} />
        </main>
      </MfaProvider>,
    );
    expect((await axe.run(document.body)).violations.map((v) => v.id)).toEqual([]);

    await userEvent.keyboard('{Tab}totpuser{Tab}Passw0rd!{Enter}');
    const code = page.getByRole('textbox', { name: 'Verification code' });
    await expect.element(code).toHaveFocus();
    expect((await axe.run(document.body)).violations.map((v) => v.id)).toEqual([]);
    // Move to "Remember this device", tick it with Space, and come back to the code field.
    await userEvent.keyboard('{Tab} {Shift>}{Tab}{/Shift}');
    await expect.element(page.getByRole('checkbox', { name: 'Remember this device' })).toBeChecked();
    await expect.element(code).toHaveFocus();
    await userEvent.keyboard(phoneCode());
    await expect.element(page.getByText('You are signed in.')).toBeVisible();
    expect(onSignedIn).toHaveBeenCalledTimes(1);

    await simulator.client.signOut();
    const again = await simulator.client.signIn({ username: 'totpuser', password: 'Passw0rd!' });
    expect(again.nextStep.signInStep).toBe('DONE');
  });
});
