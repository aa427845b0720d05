import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type AuthClient, MfaChallenge, MfaProvider, SignIn, type SignInStep } from 'mfa-kit';
import { createCognitoSimulator } from 'mfa-kit/testing';
import { describe, expect, it, vi } from 'vitest';

// A sign-in step Amplify may add in a later version: mfa-kit has no screen for it, so the host must hear of it.
const futureStep = { signInStep: 'CONTINUE_SIGN_IN_WITH_SOMETHING_NEW' } as unknown as SignInStep;

function clientAnswering(step: SignInStep): AuthClient {
  const { client } = createCognitoSimulator({ users: [{ username: 'alice', password: 'Passw0rd!' }] });
  return { ...client, signIn: async () => ({ isSignedIn: false, nextStep: step }) };
}

describe('a sign-in step mfa-kit does not know', () => {
  it('reaches onUnhandledStep when Amplify answers the password with it', async () => {
    const onUnhandledStep = vi.fn();
    const onSignedIn = vi.fn();
    const user = userEvent.setup();
    render(
      <MfaProvider client={clientAnswering(futureStep)}>
        <SignIn onSignedIn={onSignedIn} onUnhandledStep={onUnhandledStep} />
      </MfaProvider>,
    );
    await user.type(screen.getByLabelText('Username'), 'alice');
    await user.type(screen.getByLabelText('Password'), 'Passw0rd!');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(onUnhandledStep).toHaveBeenCalledWith(futureStep));
    expect(onUnhandledStep).toHaveBeenCalledTimes(1);
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it('reaches onUnhandledStep when the host passes it to MfaChallenge', () => {
    const onUnhandledStep = vi.fn();
    render(
      <MfaProvider client={clientAnswering(futureStep)}>
        <MfaChallenge defaultStep={futureStep} onUnhandledStep={onUnhandledStep} />
      </MfaProvider>,
    );
    expect(onUnhandledStep).toHaveBeenCalledWith(futureStep);
  });
});
