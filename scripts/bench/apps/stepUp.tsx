// Step-up around a risky action: StepUpProvider (guard) and a StepUpDialog opened by the host.
import { MfaProvider, StepUpDialog, StepUpProvider, useStepUp } from 'mfa-kit';
import { amplifyAuthClient, amplifyReauthVerifier } from 'mfa-kit/amplify';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

const verifier = amplifyReauthVerifier();

function Transfer() {
  const { guard } = useStepUp();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() => guard(async () => 'sent', { riskScore: 90, reason: 'Send money' })}
      >
        Send
      </button>
      <button type="button" onClick={() => setOpen(true)}>
        Confirm it is you
      </button>
      <StepUpDialog open={open} onOpenChange={setOpen} verifier={verifier} />
    </>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <MfaProvider client={amplifyAuthClient()}>
    <StepUpProvider verifier={verifier}>
      <Transfer />
    </StepUpProvider>
  </MfaProvider>,
);
