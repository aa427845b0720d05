// Amplify UI's drop-in: its sign-in includes TOTP setup and every code step.
import { Authenticator } from '@aws-amplify/ui-react';
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root') as HTMLElement).render(
  <Authenticator>{({ user }) => <p>Signed in as {user?.username}</p>}</Authenticator>,
);
