import type { Meta, StoryObj } from '@storybook/react-vite';
import { createCognitoSimulator } from 'mfa-kit/testing';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { DEMO_PASSWORD, demo, demoUsers } from './support/demo';
import { OutboxView } from './support/OutboxView';

/** Who you can sign in as in Storybook. */
function DemoUsers() {
  return (
    <table>
      <caption>Demo users of the embedded simulator (password {DEMO_PASSWORD})</caption>
      <thead>
        <tr>
          <th scope="col">Username</th>
          <th scope="col">Set-up</th>
        </tr>
      </thead>
      <tbody>
        {demoUsers.map((user) => (
          <tr key={user.username}>
            <td>
              <code>{user.username}</code>
            </td>
            <td>{user.note}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A private simulator, so sending a code here never signs anyone in on the shared demo pool. */
function SendSmsDemo() {
  const [simulator] = useState(() =>
    createCognitoSimulator({
      users: [
        {
          username: 'smsuser',
          password: DEMO_PASSWORD,
          phoneNumber: '+15555550123',
          enabled: ['SMS'],
          preferred: 'SMS',
        },
      ],
    }),
  );
  const [status, setStatus] = useState('');
  const send = async () => {
    await simulator.client.signOut();
    const { nextStep } = await simulator.client.signIn({ username: 'smsuser', password: DEMO_PASSWORD });
    const destination =
      'codeDeliveryDetails' in nextStep ? nextStep.codeDeliveryDetails?.destination : undefined;
    setStatus(`Code sent to ${destination ?? 'the user'}.`);
  };
  return (
    <div>
      <button type="button" onClick={send}>
        Sign in as smsuser (sends an SMS code)
      </button>
      <p role="status">{status}</p>
      <OutboxView outbox={simulator.outbox} />
    </div>
  );
}

const meta = {
  title: 'Simulator/Embedded Cognito',
  parameters: {
    docs: {
      description: {
        component:
          'Storybook runs on `createCognitoSimulator()` from `mfa-kit/testing`: an in-memory Cognito user pool ' +
          'that behaves like aws-amplify v6 against Cognito (steps, error names, 3-minute challenge sessions, ' +
          'lockout, remembered devices). Its state lives in sessionStorage, so an authenticator enrolled on a real ' +
          'phone keeps working after a reload. SMS and email codes are not sent anywhere: they appear in the outbox.',
      },
    },
  },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

export const Users: Story = {
  render: () => <DemoUsers />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    for (const user of demoUsers) await expect(canvas.getByText(user.username)).toBeInTheDocument();
    await expect(demo.pool.getUser('smsuser')).toMatchObject({ smsEnabled: true, totpEnabled: true });
  },
};

export const Outbox: Story = {
  render: () => <SendSmsDemo />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText(/No messages yet/)).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: /Sign in as smsuser/ }));
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Code sent to +*******0123.'));
    const table = canvas.getByRole('table', { name: /Codes delivered/ });
    await expect(within(table).getByText('+15555550123')).toBeInTheDocument();
    await expect(within(table).getByText(/^\d{6}$/)).toBeInTheDocument();
  },
};
