// Recovery codes for a signed-in user, against the host's mfa-kit/server backend.
import { httpRecoveryCodes, MfaProvider, RecoveryCodes } from 'mfa-kit';
import { amplifyAuthClient } from 'mfa-kit/amplify';
import { createRoot } from 'react-dom/client';

const recovery = httpRecoveryCodes({ baseUrl: '/api/mfa', getAccessToken: () => 'token' });

createRoot(document.getElementById('root') as HTMLElement).render(
  <MfaProvider client={amplifyAuthClient()} recovery={recovery}>
    <RecoveryCodes accountName="alice@example.com" />
  </MfaProvider>,
);
