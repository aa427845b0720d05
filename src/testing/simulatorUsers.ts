import type { CodeDeliveryDetails, MfaMethod } from '../ports.js';
import { errors } from './cognitoErrors.js';
import { maskEmail, maskPhone } from './mask.js';
import type { SimulatorRuntime } from './simulatedClient.js';
import type { SimulatorState, StoredUser } from './state.js';
import { randomNumericCode } from './totp.js';

export const userFor = (state: SimulatorState, username: string): StoredUser | undefined =>
  state.users[username];

/** The signed-in user, or Cognito's "not signed in" error. */
export function signedInUser(state: SimulatorState): StoredUser {
  const user = state.session ? userFor(state, state.session.username) : undefined;
  return user ?? errors.signedOut();
}

/** Delivers a fresh code to the user's phone or email through the outbox, as Cognito would by SMS or SES. */
export function sendCode(
  runtime: SimulatorRuntime,
  user: StoredUser,
  method: 'SMS' | 'EMAIL',
  purpose: string,
): CodeDeliveryDetails {
  const code = randomNumericCode();
  const to = method === 'SMS' ? (user.attributes.phone_number ?? '') : (user.attributes.email ?? '');
  runtime.outbox.deliver({
    channel: method,
    to,
    username: user.username,
    code,
    text: `Your ${purpose} code is ${code}`,
    sentAt: runtime.now(),
  });
  return method === 'SMS'
    ? { destination: maskPhone(to), deliveryMedium: 'SMS', attributeName: 'phone_number' }
    : { destination: maskEmail(to), deliveryMedium: 'EMAIL', attributeName: 'email' };
}

export function enableFactor(user: StoredUser, method: MfaMethod): void {
  if (!user.enabled.includes(method)) user.enabled = [...user.enabled, method];
}
