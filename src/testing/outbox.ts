import { randomId } from './totp.js';

export interface OutboxMessage {
  id: string;
  channel: 'SMS' | 'EMAIL';
  to: string;
  username: string;
  code: string;
  text: string;
  sentAt: number;
}

export interface Outbox {
  readonly messages: readonly OutboxMessage[];
  /** The newest message, optionally for one user or channel. */
  latest(filter?: { username?: string; channel?: OutboxMessage['channel'] }): OutboxMessage | undefined;
  subscribe(listener: (messages: readonly OutboxMessage[]) => void): () => void;
  clear(): void;
}

export interface WritableOutbox extends Outbox {
  deliver(message: Omit<OutboxMessage, 'id'>): void;
}

export function createOutbox(): WritableOutbox {
  let messages: OutboxMessage[] = [];
  const listeners = new Set<(messages: readonly OutboxMessage[]) => void>();
  const notify = () => {
    for (const listener of listeners) listener(messages);
  };
  return {
    get messages() {
      return messages;
    },
    latest(filter) {
      return messages.findLast(
        (message) =>
          (!filter?.username || message.username === filter.username) &&
          (!filter?.channel || message.channel === filter.channel),
      );
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    clear() {
      messages = [];
      notify();
    },
    deliver(message) {
      messages = [...messages, { ...message, id: randomId() }];
      notify();
    },
  };
}
