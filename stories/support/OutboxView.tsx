import type { Outbox } from 'mfa-kit/testing';
import { useSyncExternalStore } from 'react';

/** Live list of the SMS and email codes the simulator has "delivered". A Storybook tool, not library UI. */
export function OutboxView({ outbox }: { outbox: Outbox }) {
  const messages = useSyncExternalStore(outbox.subscribe, () => outbox.messages);
  return (
    <section aria-labelledby="outbox-heading" style={{ fontFamily: 'var(--mfa-font-family)' }}>
      <h2 id="outbox-heading">Simulator outbox</h2>
      {messages.length === 0 ? (
        <p>No messages yet. SMS and email codes appear here as the simulator sends them.</p>
      ) : (
        <table>
          <caption>Codes delivered by the simulator, newest last</caption>
          <thead>
            <tr>
              <th scope="col">Channel</th>
              <th scope="col">To</th>
              <th scope="col">User</th>
              <th scope="col">Code</th>
              <th scope="col">Sent</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((message) => (
              <tr key={message.id}>
                <td>{message.channel}</td>
                <td>{message.to}</td>
                <td>{message.username}</td>
                <td>
                  <code>{message.code}</code>
                </td>
                <td>{new Date(message.sentAt).toLocaleTimeString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
