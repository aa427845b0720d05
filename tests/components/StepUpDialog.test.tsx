import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MfaError, StepUpProof } from 'mfa-kit';
import { MfaProvider, StepUpDialog } from 'mfa-kit';
import { type CognitoSimulator, createCognitoSimulator, type SimulatorUserSeed } from 'mfa-kit/testing';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { phoneCode, wrongCode } from '../contract/support/authenticator';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const PASSWORD = 'Passw0rd!';

/** A host that runs its own flow: a button, its own open state, the dialog. */
function PayoutSettings({
  simulator,
  reauth,
  onVerified,
  onCancel,
  onError,
}: {
  simulator: CognitoSimulator;
  /** Use the side-session style verifier (password first). */
  reauth?: boolean;
  onVerified: (proof: StepUpProof) => void;
  onCancel: () => void;
  onError: (error: MfaError) => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Change payout account
      </button>
      <output aria-label="Dialog state">{open ? 'open' : 'closed'}</output>
      <StepUpDialog
        open={open}
        onOpenChange={setOpen}
        verifier={reauth ? simulator.reauthVerifier : simulator.stepUpVerifier}
        reason="Change payout account"
        onVerified={onVerified}
        onCancel={onCancel}
        onError={onError}
      />
    </>
  );
}

async function setup(
  seed: Partial<SimulatorUserSeed> = { totpSecret: SECRET, preferred: 'TOTP' },
  reauth = false,
) {
  const simulator = createCognitoSimulator({ users: [{ username: 'alice', password: PASSWORD, ...seed }] });
  const { nextStep } = await simulator.client.signIn({ username: 'alice', password: PASSWORD });
  if (nextStep.signInStep === 'CONFIRM_SIGN_IN_WITH_TOTP_CODE')
    await simulator.client.confirmSignIn({ challengeResponse: phoneCode(SECRET) });
  if (nextStep.signInStep === 'CONFIRM_SIGN_IN_WITH_SMS_CODE')
    await simulator.client.confirmSignIn({ challengeResponse: simulator.outbox.latest()?.code ?? '' });
  const handlers = { onVerified: vi.fn(), onCancel: vi.fn(), onError: vi.fn() };
  const user = userEvent.setup();
  render(
    <MfaProvider client={simulator.client} recovery={simulator.recoveryCodes}>
      <PayoutSettings simulator={simulator} reauth={reauth} {...handlers} />
    </MfaProvider>,
  );
  return { simulator, user, ...handlers };
}

const openButton = () => screen.getByRole('button', { name: 'Change payout account' });
const dialogState = () => screen.getByRole('status', { name: 'Dialog state' });

describe('StepUpDialog on its own (open / onOpenChange)', () => {
  it('opens on demand, says what is confirmed, and closes itself after a right code', async () => {
    const { user, onVerified, onError } = await setup();
    await user.click(openButton());
    const dialog = await screen.findByRole('dialog', { name: "Confirm it's you" });
    expect(dialog).toHaveTextContent('To continue with: Change payout account');
    const field = await screen.findByRole('textbox', { name: 'Verification code' });
    await waitFor(() => expect(field).toHaveFocus());

    await user.type(field, wrongCode(SECRET));
    expect(await screen.findByText(/4 attempts left/)).toBeInTheDocument();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'CODE_MISMATCH' }));

    await user.type(field, phoneCode(SECRET));
    await waitFor(() => expect(onVerified).toHaveBeenCalledTimes(1));
    expect(onVerified.mock.calls[0]?.[0]).toMatchObject({ method: 'TOTP', token: expect.any(String) });
    expect(dialogState()).toHaveTextContent('closed');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => expect(openButton()).toHaveFocus());
  });

  it('Escape cancels, reports it, gives focus back, and the next opening starts afresh', async () => {
    const { user, onCancel, onVerified } = await setup();
    await user.click(openButton());
    await screen.findByRole('textbox', { name: 'Verification code' });
    await user.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(dialogState()).toHaveTextContent('closed');
    await waitFor(() => expect(openButton()).toHaveFocus());

    await user.click(openButton());
    const field = await screen.findByRole('textbox', { name: 'Verification code' });
    expect(field).toHaveValue('');
    await user.type(field, phoneCode(SECRET));
    await waitFor(() => expect(onVerified).toHaveBeenCalledTimes(1));
  });

  it('never steps up a user without MFA with the password alone', async () => {
    const { user, onError, onVerified } = await setup({});
    await user.click(openButton());
    expect(
      await screen.findByText('Set up two-step verification first: this action needs it.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Verification code' })).not.toBeInTheDocument();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'MFA_NOT_ENROLLED' }));
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(dialogState()).toHaveTextContent('closed');
    expect(onVerified).not.toHaveBeenCalled();
  });

  it('asks for the password first when the verifier re-authenticates, then for the code Cognito picked', async () => {
    const { user, simulator, onVerified } = await setup(
      { phoneNumber: '+15555550123', enabled: ['SMS'], preferred: 'SMS' },
      true,
    );
    await user.click(openButton());
    const password = await screen.findByLabelText('Password');
    await waitFor(() => expect(password).toHaveFocus());
    expect(screen.queryByRole('textbox', { name: 'Verification code' })).not.toBeInTheDocument();
    // Only the sign-in text so far: nothing is sent before the password is proven.
    expect(simulator.outbox.messages).toHaveLength(1);

    await user.type(password, 'not-my-password');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText('Incorrect username or password.')).toBeInTheDocument();
    expect(password).toHaveValue('not-my-password');

    await user.clear(password);
    await user.type(password, PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    const field = await screen.findByRole('textbox', { name: 'Verification code' });
    expect(screen.getByText('Enter the code we sent by text message.')).toBeInTheDocument();
    expect(screen.getByText(/We sent a code to \+\*+0123/)).toBeInTheDocument();
    await waitFor(() => expect(field).toHaveFocus());
    await user.type(field, simulator.outbox.latest()?.code ?? '');
    await waitFor(() => expect(onVerified).toHaveBeenCalledWith(expect.objectContaining({ method: 'SMS' })));
  });

  it('offers a recovery code when the authenticator is lost: MFA turns off and the action still waits', async () => {
    const { user, simulator, onVerified, onError } = await setup();
    const { codes } = await simulator.recoveryCodes.generate();
    await user.click(openButton());
    await screen.findByRole('textbox', { name: 'Verification code' });
    await user.click(screen.getByRole('button', { name: 'Lost your authenticator? Use a recovery code' }));
    // Step-up wording, not sign-in's ("you will then set up your authenticator app again").
    expect(
      screen.getByText(/This turns your authenticator app off: set it up again, then repeat this action/),
    ).toBeVisible();
    await user.type(screen.getByRole('textbox', { name: 'Recovery code' }), codes[0] ?? '');
    await user.type(screen.getByLabelText('Password'), 'wrong-password');
    await user.click(screen.getByRole('button', { name: 'Use recovery code' }));
    // One answer for a wrong password or a wrong code (issue 12: no password oracle).
    expect(
      await screen.findByText(/That recovery code is not correct, or the password is wrong/),
    ).toBeInTheDocument();

    await user.clear(screen.getByLabelText('Password'));
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Use recovery code' }));
    expect(await screen.findByText(/Recovery code accepted/)).toBeInTheDocument();
    expect(simulator.pool.getUser('alice')?.totpEnabled).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'MFA_NOT_ENROLLED' }));
    expect(onVerified).not.toHaveBeenCalled();
    expect(dialogState()).toHaveTextContent('closed');
  });

  it('goes back from the recovery form to the code', async () => {
    const { user } = await setup();
    await user.click(openButton());
    await screen.findByRole('textbox', { name: 'Verification code' });
    await user.click(screen.getByRole('button', { name: 'Lost your authenticator? Use a recovery code' }));
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(await screen.findByRole('textbox', { name: 'Verification code' })).toBeInTheDocument();
  });
});
