import { render, screen } from '@testing-library/react';
import { MfaProvider, RecoveryCodes, useMfa } from 'mfa-kit';
import { es } from 'mfa-kit/locales/es';
import { type CognitoSimulator, createCognitoSimulator } from 'mfa-kit/testing';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';

// <MfaProvider> carries the English of sign-in; each other family of components (recovery codes,
// step-up, settings, admin) brings its own, under the provider's catalog and overrides.

const PASSWORD = 'Passw0rd!';

async function signedIn(): Promise<CognitoSimulator> {
  const simulator = createCognitoSimulator({
    users: [{ username: 'alice', password: PASSWORD, totpSecret: 'JBSWY3DPEHPK3PXP', preferred: 'TOTP' }],
  });
  await simulator.client.signIn({ username: 'alice', password: PASSWORD });
  await simulator.client.confirmSignIn({ challengeResponse: simulator.pool.totpCodeFor('alice') ?? '' });
  await simulator.recoveryCodes.generate();
  return simulator;
}

function renderWith(
  simulator: CognitoSimulator,
  provider: { catalog?: typeof es; locale?: string; messages?: object },
  children: ReactNode,
) {
  render(
    <MfaProvider client={simulator.client} recovery={simulator.recoveryCodes} {...provider}>
      {children}
    </MfaProvider>,
  );
}

describe('English that travels with its components', () => {
  it('a provider without a catalog shows the recovery codes in English', async () => {
    renderWith(await signedIn(), {}, <RecoveryCodes />);
    expect(await screen.findByRole('heading', { name: 'Recovery codes' })).toBeInTheDocument();
    expect(await screen.findByText(/^10 of 10 codes left/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Generate new codes' })).toBeInTheDocument();
  });

  it("the provider's catalog wins over the component's English", async () => {
    renderWith(await signedIn(), { locale: 'es', catalog: es }, <RecoveryCodes />);
    expect(await screen.findByRole('heading', { name: 'Códigos de recuperación' })).toBeInTheDocument();
    expect(await screen.findByText(/^Quedan 10 de 10 códigos/)).toBeInTheDocument();
    expect(screen.queryByText('Recovery codes')).not.toBeInTheDocument();
  });

  it("the provider's overrides win over the component's English, without a catalog", async () => {
    renderWith(
      await signedIn(),
      { messages: { 'recovery.title': 'Backup codes', 'recovery.regenerate': 'Replace my codes' } },
      <RecoveryCodes />,
    );
    expect(await screen.findByRole('heading', { name: 'Backup codes' })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Replace my codes' })).toBeInTheDocument();
  });

  it('useMfa().t has English for sign-in, a catalog for everything, and shows the key it has no text for', async () => {
    function Probe() {
      const { t } = useMfa();
      return (
        <p>
          {t('signIn.title')} | {t('recovery.title')}
        </p>
      );
    }
    const simulator = await signedIn();
    const { unmount } = render(
      <MfaProvider client={simulator.client}>
        <Probe />
      </MfaProvider>,
    );
    expect(screen.getByText('Sign in | recovery.title')).toBeInTheDocument();
    unmount();
    render(
      <MfaProvider client={simulator.client} locale="es" catalog={es}>
        <Probe />
      </MfaProvider>,
    );
    expect(screen.getByText('Iniciar sesión | Códigos de recuperación')).toBeInTheDocument();
  });
});
