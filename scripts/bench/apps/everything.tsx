// Every export of the client entries, kept alive: the ceiling of what mfa-kit can cost a page.
import * as kit from 'mfa-kit';
import * as amplify from 'mfa-kit/amplify';
import { createRoot } from 'react-dom/client';

(globalThis as Record<string, unknown>).mfaKit = { kit, amplify };
createRoot(document.getElementById('root') as HTMLElement).render(
  <kit.MfaProvider client={amplify.amplifyAuthClient()}>
    <kit.SignIn />
  </kit.MfaProvider>,
);
