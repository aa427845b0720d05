// mfa-kit's drop-in sign-in alone: TOTP setup, recovery and new-password steps come with its flow.
import { MfaProvider, SignIn } from 'mfa-kit';
import { amplifyAuthClient } from 'mfa-kit/amplify';
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root') as HTMLElement).render(
  <MfaProvider client={amplifyAuthClient()} issuer="Acme">
    <SignIn onSignedIn={() => window.location.assign('/')} />
  </MfaProvider>,
);
