// @vitest-environment node
// Server rendering (Next.js App Router, Remix, any SSR): every component renders to HTML in Node,
// where `window` and `document` do not exist, so touching them during render would throw here.
import {
  CodeInput,
  MfaChallenge,
  MfaMethodPicker,
  MfaProvider,
  RecoveryCodes,
  SignIn,
  StepUpDialog,
  StepUpProvider,
  TotpSetup,
} from 'mfa-kit';
import { createCognitoSimulator } from 'mfa-kit/testing';
import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

const simulator = createCognitoSimulator({ users: [{ username: 'alice', password: 'Passw0rd!' }] });

function html(children: ReactNode) {
  return renderToString(
    <MfaProvider client={simulator.client} recovery={simulator.recoveryCodes} issuer="Acme">
      <StepUpProvider verifier={simulator.stepUpVerifier}>{children}</StepUpProvider>
    </MfaProvider>,
  );
}

describe('server rendering without a DOM', () => {
  it('has no window or document here', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
  });

  it('renders the sign-in form', () => {
    const markup = html(<SignIn />);
    expect(markup).toContain('Username');
    expect(markup).toContain('Password');
  });

  it('renders each MFA challenge step', () => {
    expect(html(<MfaChallenge defaultStep={{ signInStep: 'CONFIRM_SIGN_IN_WITH_TOTP_CODE' }} />)).toContain(
      'Enter the code from your authenticator app',
    );
    expect(
      html(
        <MfaChallenge
          defaultStep={{
            signInStep: 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION',
            allowedMFATypes: ['TOTP', 'EMAIL'],
          }}
        />,
      ),
    ).toContain('Authenticator app');
  });

  it('renders TOTP setup in its loading state', () => {
    expect(html(<TotpSetup accountName="alice@example.com" />)).toContain('Set up your authenticator app');
  });

  it('renders recovery codes, the leaf components and a closed step-up dialog', () => {
    expect(html(<RecoveryCodes />)).toContain('Loading your recovery codes');
    expect(renderToString(<CodeInput />)).toContain('Verification code');
    expect(renderToString(<MfaMethodPicker methods={['TOTP', 'SMS']} />)).toContain('Verification method');
    expect(
      html(<StepUpDialog open={false} onOpenChange={() => {}} verifier={simulator.stepUpVerifier} />),
    ).toBe(html(null));
  });
});
