import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { StepUpProof } from 'mfa-kit';
import {
  isMfaError,
  isStepUpCancelled,
  MfaProvider,
  type StepUpEvent,
  StepUpProvider,
  useStepUp,
} from 'mfa-kit';
import { createCognitoSimulator, type SimulatorUserSeed } from 'mfa-kit/testing';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { phoneCode, wrongCode } from '../contract/support/authenticator';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const PASSWORD = 'Passw0rd!';

function DangerZone({
  action,
  riskScore,
  always,
}: {
  action: (proof?: StepUpProof) => void;
  riskScore: number;
  always?: boolean;
}) {
  const { guard } = useStepUp();
  const [outcome, setOutcome] = useState('');
  const run = () =>
    guard(action, { riskScore, reason: 'Delete project Apollo', always }).then(
      () => setOutcome('done'),
      (error: unknown) =>
        setOutcome(
          isStepUpCancelled(error) ? 'cancelled' : isMfaError(error) ? `refused: ${error.code}` : 'error',
        ),
    );
  return (
    <>
      <button type="button" onClick={run}>
        Delete project
      </button>
      <button type="button" onClick={() => void Promise.all([run(), run()])}>
        Delete twice at once
      </button>
      <output aria-label="Outcome">{outcome}</output>
    </>
  );
}

async function setup(
  seed: Partial<SimulatorUserSeed> = { totpSecret: SECRET, preferred: 'TOTP' },
  riskScore = 90,
  always = false,
) {
  const simulator = createCognitoSimulator({ users: [{ username: 'alice', password: PASSWORD, ...seed }] });
  const signIn = await simulator.client.signIn({ username: 'alice', password: PASSWORD });
  if (signIn.nextStep.signInStep === 'CONFIRM_SIGN_IN_WITH_TOTP_CODE') {
    await simulator.client.confirmSignIn({ challengeResponse: phoneCode(SECRET) });
  } else if (signIn.nextStep.signInStep === 'CONFIRM_SIGN_IN_WITH_SMS_CODE') {
    await simulator.client.confirmSignIn({ challengeResponse: simulator.outbox.latest()?.code ?? '' });
  }
  const action = vi.fn();
  const onEvent = vi.fn<(event: StepUpEvent) => void>();
  const user = userEvent.setup();
  render(
    <MfaProvider client={simulator.client}>
      <StepUpProvider verifier={simulator.stepUpVerifier} onEvent={onEvent}>
        <DangerZone action={action} riskScore={riskScore} always={always} />
      </StepUpProvider>
    </MfaProvider>,
  );
  return { simulator, action, onEvent, user };
}

const outcome = () => screen.getByRole('status', { name: 'Outcome' });
const codeField = () => screen.findByRole('textbox', { name: 'Verification code' });

describe('StepUpProvider and guard', () => {
  it('runs a low-risk action at once, without a prompt', async () => {
    const { user, action } = await setup(undefined, 70);
    await user.click(screen.getByRole('button', { name: 'Delete project' }));
    await waitFor(() => expect(outcome()).toHaveTextContent('done'));
    expect(action).toHaveBeenCalledWith();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('asks for a code above the threshold, runs the action once with the proof, and gives focus back', async () => {
    const { user, action } = await setup();
    const trigger = screen.getByRole('button', { name: 'Delete project' });
    await user.click(trigger);
    const dialog = await screen.findByRole('dialog', { name: "Confirm it's you" });
    expect(dialog).toHaveAccessibleDescription('To continue with: Delete project Apollo');
    await waitFor(async () => expect(await codeField()).toHaveFocus());
    expect(action).not.toHaveBeenCalled();
    await user.keyboard(phoneCode(SECRET));
    await waitFor(() => expect(outcome()).toHaveTextContent('done'));
    expect(action).toHaveBeenCalledTimes(1);
    expect(action.mock.calls[0]?.[0]).toMatchObject({
      method: 'TOTP',
      token: expect.stringMatching(/^simulated-step-up\./),
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(trigger).toHaveFocus());
  });

  it.each([
    [
      'the Cancel button',
      async (user: ReturnType<typeof userEvent.setup>) =>
        user.click(screen.getByRole('button', { name: 'Cancel' })),
    ],
    ['Escape', async (user: ReturnType<typeof userEvent.setup>) => user.keyboard('{Escape}')],
  ])('never runs the action after %s', async (_how, cancel) => {
    const { user, action, onEvent } = await setup();
    await user.click(screen.getByRole('button', { name: 'Delete project' }));
    await codeField();
    await cancel(user);
    await waitFor(() => expect(outcome()).toHaveTextContent('cancelled'));
    expect(action).not.toHaveBeenCalled();
    expect(onEvent).toHaveBeenCalledWith({ type: 'cancelled' });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Delete project' })).toHaveFocus());
  });

  it('shares one prompt between guarded calls made at once', async () => {
    const { user, action, simulator } = await setup();
    const begin = vi.spyOn(simulator.stepUpVerifier, 'begin');
    await user.click(screen.getByRole('button', { name: 'Delete twice at once' }));
    expect(await screen.findAllByRole('dialog')).toHaveLength(1);
    await user.type(await codeField(), phoneCode(SECRET));
    await waitFor(() => expect(action).toHaveBeenCalledTimes(2));
    expect(begin).toHaveBeenCalledTimes(1);
  });

  it('reuses a fresh verification, unless the guard says always', async () => {
    const { user, action } = await setup();
    await user.click(screen.getByRole('button', { name: 'Delete project' }));
    await user.type(await codeField(), phoneCode(SECRET));
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    await user.click(screen.getByRole('button', { name: 'Delete project' }));
    await waitFor(() => expect(action).toHaveBeenCalledTimes(2));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('prompts every time with always', async () => {
    const { user, action } = await setup(undefined, 90, true);
    await user.click(screen.getByRole('button', { name: 'Delete project' }));
    await user.type(await codeField(), phoneCode(SECRET));
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    await user.click(screen.getByRole('button', { name: 'Delete project' }));
    expect(await screen.findByRole('dialog')).toBeInTheDocument();
  });

  it('refuses to step up a user without MFA instead of accepting the password alone', async () => {
    const { user, action } = await setup({});
    await user.click(screen.getByRole('button', { name: 'Delete project' }));
    await waitFor(() => expect(outcome()).toHaveTextContent('refused: MFA_NOT_ENROLLED'));
    expect(action).not.toHaveBeenCalled();
  });

  it('explains a wrong code and counts attempts, keeping the prompt open', async () => {
    const { user, action } = await setup();
    await user.click(screen.getByRole('button', { name: 'Delete project' }));
    await user.type(await codeField(), wrongCode(SECRET));
    // One alert, in step-up's words (not "before sign-in is paused").
    expect(
      await screen.findByText(
        'That code is not correct. Check the code and try again. 4 attempts left before verification is paused for a while.',
      ),
    ).toHaveAttribute('role', 'alert');
    expect(await codeField()).toHaveValue('');
    expect(action).not.toHaveBeenCalled();
  });

  it('uses the SMS factor when it is preferred, saying where the code went', async () => {
    const { user, action, simulator } = await setup({
      phoneNumber: '+15555550123',
      enabled: ['SMS'],
      preferred: 'SMS',
    });
    await user.click(screen.getByRole('button', { name: 'Delete project' }));
    expect(await screen.findByText('We sent a code to +*******0123.')).toBeInTheDocument();
    await act(async () => {});
    await user.type(await codeField(), simulator.outbox.latest({ channel: 'SMS' })?.code ?? '');
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
  });
});
