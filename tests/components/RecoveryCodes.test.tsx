import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MfaProvider, RecoveryCodes } from 'mfa-kit';
import { type CognitoSimulator, createCognitoSimulator } from 'mfa-kit/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';

const PASSWORD = 'Passw0rd!';
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const codePattern = /^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/;

async function signedIn(): Promise<CognitoSimulator> {
  const simulator = createCognitoSimulator({
    users: [{ username: 'alice', password: PASSWORD, totpSecret: SECRET, preferred: 'TOTP' }],
  });
  await simulator.client.signIn({ username: 'alice', password: PASSWORD });
  await simulator.client.confirmSignIn({ challengeResponse: simulator.pool.totpCodeFor('alice') ?? '' });
  return simulator;
}

function renderCodes(simulator: CognitoSimulator, props: Parameters<typeof RecoveryCodes>[0] = {}) {
  const onAcknowledged = vi.fn();
  const user = userEvent.setup();
  render(
    <MfaProvider client={simulator.client} recovery={simulator.recoveryCodes} issuer="Acme Corp">
      <RecoveryCodes accountName="alice@example.com" onAcknowledged={onAcknowledged} {...props} />
    </MfaProvider>,
  );
  return { user, onAcknowledged };
}

const shownCodes = async () => {
  const list = await screen.findByRole('list', { name: 'Your recovery codes' });
  return within(list)
    .getAllByRole('listitem')
    .map((item) => item.textContent ?? '');
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('RecoveryCodes', () => {
  it('offers to generate when there are none, shows 10 codes once, and needs the saved confirmation', async () => {
    const simulator = await signedIn();
    const { user, onAcknowledged } = renderCodes(simulator);
    expect(await screen.findByText(/You have no recovery codes yet/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Generate recovery codes' }));

    const codes = await shownCodes();
    expect(codes).toHaveLength(10);
    for (const code of codes) expect(code).toMatch(codePattern);
    expect(screen.getByRole('heading', { name: 'Save your recovery codes' })).toHaveFocus();

    const continueButton = screen.getByRole('button', { name: 'Continue' });
    expect(continueButton).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: 'I have saved these codes' }));
    await user.click(continueButton);
    expect(onAcknowledged).toHaveBeenCalledTimes(1);

    // Shown once: afterwards only the count is visible.
    expect(screen.queryByRole('list', { name: 'Your recovery codes' })).not.toBeInTheDocument();
    expect(screen.getByText(/10 of 10 codes left, created/)).toBeInTheDocument();
    expect(document.body.textContent).not.toContain(codes[0]);
  });

  it('generates at once after enrolment when asked, and the codes it shows really work', async () => {
    const simulator = await signedIn();
    renderCodes(simulator, { autoGenerate: 'if-none' });
    const codes = await shownCodes();
    expect(
      await simulator.recoveryCodes.redeem({ username: 'alice', password: PASSWORD, code: codes[5] ?? '' }),
    ).toEqual({ ok: true, remaining: 9 });
  });

  it('copies all codes with issuer and account', async () => {
    const simulator = await signedIn();
    const { user } = renderCodes(simulator, { autoGenerate: 'if-none' });
    const codes = await shownCodes();
    await user.click(screen.getByRole('button', { name: 'Copy all' }));
    expect(await screen.findByText('Codes copied.')).toBeInTheDocument();
    const copied = await navigator.clipboard.readText();
    expect(copied).toContain('Acme Corp recovery codes');
    expect(copied).toContain('Account: alice@example.com');
    for (const code of codes) expect(copied).toContain(code);
  });

  it('says so and selects the codes when the clipboard is refused', async () => {
    const simulator = await signedIn();
    const { user } = renderCodes(simulator, { autoGenerate: 'if-none' });
    await shownCodes();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('NotAllowedError'));
    await user.click(screen.getByRole('button', { name: 'Copy all' }));
    expect(await screen.findByText(/Could not copy/)).toBeInTheDocument();
    expect(window.getSelection()?.toString()).toContain('-');
  });

  it('downloads a .txt named after the issuer with the codes, account and date', async () => {
    const simulator = await signedIn();
    const { user } = renderCodes(simulator, { autoGenerate: 'if-none' });
    const codes = await shownCodes();
    // jsdom has no object URLs; capture what the browser would save.
    let saved: Blob | undefined;
    const createObjectURL = vi.fn((blob: Blob) => {
      saved = blob;
      return 'blob:recovery-codes';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    let downloadName = '';
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloadName = this.download;
    });
    await user.click(screen.getByRole('button', { name: 'Download .txt' }));
    expect(downloadName).toBe('acme-corp-recovery-codes.txt');
    const text = (await saved?.text()) ?? '';
    expect(text).toMatch(/^Acme Corp recovery codes\r\nAccount: alice@example.com\r\nCreated: /);
    for (const code of codes) expect(text).toContain(code);
    expect(saved?.type).toBe('text/plain;charset=utf-8');
  });

  it('prints only the code sheet', async () => {
    const simulator = await signedIn();
    const { user } = renderCodes(simulator, { autoGenerate: 'if-none' });
    await shownCodes();
    let printingClass = false;
    const print = vi.spyOn(window, 'print').mockImplementation(() => {
      printingClass = document.documentElement.classList.contains('mfa-printing-recovery-codes');
      window.dispatchEvent(new Event('afterprint'));
    });
    await user.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledTimes(1);
    expect(printingClass).toBe(true);
    expect(document.documentElement).not.toHaveClass('mfa-printing-recovery-codes');
  });

  it('regenerates only after a confirmation that says old codes stop working', async () => {
    const simulator = await signedIn();
    const { codes: oldCodes } = await simulator.recoveryCodes.generate();
    const { user } = renderCodes(simulator);
    await user.click(await screen.findByRole('button', { name: 'Generate new codes' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Generate new recovery codes?' });
    expect(dialog).toHaveAccessibleDescription(/current recovery codes stop working/);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Generate new codes' })).toHaveFocus();
    expect(await simulator.recoveryCodes.status()).toMatchObject({ remaining: 10 });

    await user.click(screen.getByRole('button', { name: 'Generate new codes' }));
    await user.click(screen.getByRole('button', { name: 'Yes, generate new codes' }));
    const newCodes = await shownCodes();
    expect(newCodes).not.toEqual(oldCodes);
    expect(
      await simulator.recoveryCodes.redeem({
        username: 'alice',
        password: PASSWORD,
        code: oldCodes[0] ?? '',
      }),
    ).toEqual({ ok: false, reason: 'CODE_INVALID' });
  });

  it('warns when three or fewer codes are left', async () => {
    const simulator = await signedIn();
    const { codes } = await simulator.recoveryCodes.generate();
    for (const [index, code] of codes.slice(0, 7).entries()) {
      // Five attempts per 15 minutes per user: let the window pass.
      if (index === 5) simulator.clock.advance(15 * 60_000);
      await simulator.recoveryCodes.redeem({ username: 'alice', password: PASSWORD, code });
    }
    renderCodes(simulator);
    expect(await screen.findByText(/3 of 10 codes left/)).toBeInTheDocument();
    expect(screen.getByText('Only 3 recovery codes left. Generate new ones soon.')).toBeInTheDocument();
  });

  it('explains a failed load and tries again', async () => {
    const simulator = await signedIn();
    simulator.failNext('recoveryCodes.status', 'network');
    const { user } = renderCodes(simulator);
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert).toHaveTextContent('We could not reach the server'));
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(/You have no recovery codes yet/)).toBeInTheDocument();
  });

  it('keeps the existing codes when regeneration fails, and the retry generates', async () => {
    const simulator = await signedIn();
    await simulator.recoveryCodes.generate();
    const { user } = renderCodes(simulator);
    await user.click(await screen.findByRole('button', { name: 'Generate new codes' }));
    simulator.failNext('recoveryCodes.generate', 'network');
    await user.click(screen.getByRole('button', { name: 'Yes, generate new codes' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('We could not reach the server'));
    expect(screen.getByText(/10 of 10 codes left/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await shownCodes()).toHaveLength(10);
  });

  it('tells the developer when the provider has no recovery adapter', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const simulator = createCognitoSimulator();
    expect(() =>
      render(
        <MfaProvider client={simulator.client}>
          <RecoveryCodes />
        </MfaProvider>,
      ),
    ).toThrow(/needs a recovery adapter/);
  });
});
