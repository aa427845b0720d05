'use client';
import { TotpSetup, useMfa } from 'mfa-kit';
import { useEffect, useState } from 'react';

/** TOTP setup needs the account name, which only the browser's session knows. */
export function AuthenticatorSetup() {
  const { client } = useMfa();
  const [user, setUser] = useState<{ username: string } | null | undefined>(undefined);
  useEffect(() => {
    client.getCurrentUser().then(setUser, () => setUser(null));
  }, [client]);
  if (user === undefined) return null;
  if (user === null) return <p>Sign in to set up an authenticator app.</p>;
  return <TotpSetup accountName={user.username} />;
}
