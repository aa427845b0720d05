import type { Meta, StoryObj } from '@storybook/react-vite';
import type { AuthUser } from 'mfa-kit';
import { SignIn, TotpSetup, useMfa } from 'mfa-kit';
import { useEffect, useState } from 'react';
import { expect, within } from 'storybook/test';
import { DEMO_PASSWORD, demo } from './support/demo';
import { OutboxView } from './support/OutboxView';

/**
 * The shared demo pool, kept in sessionStorage: sign in as a demo user and enrol a real phone
 * authenticator by scanning the QR code; the enrolment survives a reload of Storybook.
 */
function Playground() {
  const { client } = useMfa();
  const [user, setUser] = useState<AuthUser | null | undefined>(undefined);
  const [enrolling, setEnrolling] = useState(false);
  useEffect(() => {
    client.getCurrentUser().then(setUser, () => setUser(null));
  }, [client]);
  if (user === undefined) return null;
  if (!user) {
    return (
      <>
        <p>
          Demo users: newuser, totpuser, smsuser, admin. Password: <code>{DEMO_PASSWORD}</code>
        </p>
        <SignIn onSignedIn={() => client.getCurrentUser().then(setUser)} />
        <OutboxView outbox={demo.outbox} />
      </>
    );
  }
  return (
    <>
      <p>Signed in as {user.username}.</p>
      {enrolling ? (
        <TotpSetup
          accountName={user.username}
          onVerified={() => setEnrolling(false)}
          onCancel={() => setEnrolling(false)}
        />
      ) : (
        <button type="button" className="mfa-button" onClick={() => setEnrolling(true)}>
          Set up an authenticator app
        </button>
      )}
      <button type="button" className="mfa-button" onClick={() => client.signOut().then(() => setUser(null))}>
        Sign out
      </button>
    </>
  );
}

const meta = {
  title: 'Simulator/Playground',
  render: () => <Playground />,
} satisfies Meta;

export default meta;

export const DemoPool: StoryObj<typeof meta> = {
  name: 'Demo pool (persists across reloads)',
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByRole('heading', { name: 'Sign in' }).catch(() => canvas.findByText(/Signed in as/)),
    ).toBeVisible();
  },
};
