import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MfaProvider, type MfaTheme, RecoveryCodes, StepUpDialog } from 'mfa-kit';
import { es } from 'mfa-kit/locales/es';
import { createCognitoSimulator } from 'mfa-kit/testing';
import { describe, expect, it } from 'vitest';

async function signedInSimulator() {
  const simulator = createCognitoSimulator({
    mfaConfiguration: 'OFF',
    users: [{ username: 'alice', password: 'Passw0rd!', totpSecret: 'JBSWY3DPEHPK3PXP' }],
  });
  await simulator.client.signIn({ username: 'alice', password: 'Passw0rd!' });
  return simulator;
}

// Dialogs are portalled to <body>, outside the host's themed wrapper: they carry the provider's theme.
describe.each<[MfaTheme, string | null]>([
  ['dark', 'dark'],
  ['light', 'light'],
  ['system', null],
])('dialogs with theme=%s', (theme, attribute) => {
  it('the step-up prompt carries it', async () => {
    const simulator = await signedInSimulator();
    render(
      <div data-theme="dark">
        <MfaProvider client={simulator.client} theme={theme}>
          <StepUpDialog open onOpenChange={() => {}} verifier={simulator.stepUpVerifier} />
        </MfaProvider>
      </div>,
    );
    const dialog = await screen.findByRole('dialog');
    expect(dialog.closest('[data-theme="dark"]:not([role])')).toBeNull();
    expect(dialog.getAttribute('data-theme')).toBe(attribute);
  });

  it('the "Generate new codes?" confirmation carries it', async () => {
    const simulator = await signedInSimulator();
    await simulator.recoveryCodes.generate();
    render(
      <MfaProvider client={simulator.client} recovery={simulator.recoveryCodes} theme={theme}>
        <RecoveryCodes />
      </MfaProvider>,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Generate new codes' }));
    expect((await screen.findByRole('alertdialog')).getAttribute('data-theme')).toBe(attribute);
  });
});

it('a nested provider keeps the theme of the one around it unless it sets its own', async () => {
  const simulator = await signedInSimulator();
  render(
    <MfaProvider client={simulator.client} theme="dark">
      <MfaProvider client={simulator.client} locale="es" catalog={es}>
        <StepUpDialog open onOpenChange={() => {}} verifier={simulator.stepUpVerifier} />
      </MfaProvider>
    </MfaProvider>,
  );
  expect(await screen.findByRole('dialog')).toHaveAttribute('data-theme', 'dark');
});
