import type { MfaPolicy } from '../core/mfaPolicy.js';
import type { AuthClient } from '../ports.js';
import type { WritableOutbox } from './outbox.js';
import { simulatedAccount } from './simulatedAccount.js';
import { simulatedPreferences } from './simulatedPreferences.js';
import { simulatedSignIn } from './simulatedSignIn.js';
import type { SimulatorState } from './state.js';

export interface SimulatorRuntime {
  state: SimulatorState;
  outbox: WritableOutbox;
  now(): number;
  /** Persists the state after a change. */
  commit(): void;
  /** Runs as the pool's Pre Token Generation trigger when set. */
  mfaPolicy?: MfaPolicy;
}

/** An AuthClient over the simulator's state that answers as Amplify v6 on Cognito does. */
export function createSimulatedClient(runtime: SimulatorRuntime): AuthClient {
  return { ...simulatedSignIn(runtime), ...simulatedAccount(runtime), ...simulatedPreferences(runtime) };
}
