// mfa-kit's drop-in sign-in, then TOTP setup for a signed-in user, on the real Amplify client.
import { MfaProvider, SignIn, TotpSetup } from 'mfa-kit';
import { amplifyAuthClient } from 'mfa-kit/amplify';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

const client = amplifyAuthClient();

function App() {
  const [signedIn, setSignedIn] = useState(false);
  return (
    <MfaProvider client={client} issuer="Acme">
      {signedIn ? (
        <TotpSetup accountName="alice@example.com" />
      ) : (
        <SignIn onSignedIn={() => setSignedIn(true)} />
      )}
    </MfaProvider>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(<App />);
