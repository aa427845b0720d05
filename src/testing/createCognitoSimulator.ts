import type { AuthClient, MfaMethod, StepUpVerifier } from '../ports.js';
import { errors } from './cognitoErrors.js';
import { createOutbox, type Outbox } from './outbox.js';
import { createPool, type SimulatorPool, storedUserFromSeed } from './pool.js';
import { createSimulatedClient, type SimulatorRuntime } from './simulatedClient.js';
import {
  type MfaConfiguration,
  memoryStore,
  type RememberedDevices,
  type SimulatorState,
  type SimulatorUserSeed,
  sessionStorageStore,
} from './state.js';
import { createSimulatedStepUpVerifier } from './stepUpVerifier.js';

export interface CognitoSimulatorOptions {
  /** Pool MFA setting. Default 'OPTIONAL'. */
  mfaConfiguration?: MfaConfiguration;
  /** Factors the pool offers. Default TOTP, SMS and EMAIL. */
  mfaMethods?: MfaMethod[];
  users?: SimulatorUserSeed[];
  /** Time source; `clock.advance()` adds to it. Default `Date.now`. */
  now?: () => number;
  /** 'sessionStorage' keeps the pool and session across a page reload. Default 'memory'. */
  persist?: 'memory' | 'sessionStorage';
  storageKey?: string;
  /** Whether remembered devices skip MFA. Default 'USER_OPT_IN'. */
  rememberedDevices?: RememberedDevices;
}

export type SimulatorFault = Error | 'network' | { delayMs: number };

export interface CognitoSimulator {
  client: AuthClient;
  outbox: Outbox;
  pool: SimulatorPool;
  clock: { now(): number; advance(ms: number): void };
  /** Step-up against this pool's signed-in user, by the same rules as sign-in. */
  stepUpVerifier: StepUpVerifier;
  /** The next call of `method` fails with `fault` (or is delayed); one shot. */
  failNext(method: keyof AuthClient, fault: SimulatorFault): void;
}

function initialState(options: CognitoSimulatorOptions): SimulatorState {
  return {
    mfaConfiguration: options.mfaConfiguration ?? 'OPTIONAL',
    mfaMethods: options.mfaMethods ?? ['TOTP', 'SMS', 'EMAIL'],
    rememberedDevices: options.rememberedDevices ?? 'USER_OPT_IN',
    users: Object.fromEntries((options.users ?? []).map((seed) => [seed.username, storedUserFromSeed(seed)])),
    session: null,
    pendingSignIn: null,
    deviceKeys: {},
  };
}

/** An in-memory Cognito user pool behind the `AuthClient` port, behaving like aws-amplify v6 against Cognito. */
export function createCognitoSimulator(options: CognitoSimulatorOptions = {}): CognitoSimulator {
  const store =
    options.persist === 'sessionStorage'
      ? sessionStorageStore(options.storageKey ?? 'mfa-kit:cognito-simulator')
      : memoryStore();
  const state = store.load() ?? initialState(options);
  let offset = 0;
  const baseNow = options.now ?? Date.now;
  const now = () => baseNow() + offset;
  const outbox = createOutbox();
  const runtime: SimulatorRuntime = { state, outbox, now, commit: () => store.save(state) };
  runtime.commit();

  const faults = new Map<keyof AuthClient, SimulatorFault>();
  const inner = createSimulatedClient(runtime);
  const client = Object.fromEntries(
    (Object.keys(inner) as Array<keyof AuthClient>).map((method) => [
      method,
      async (...args: unknown[]) => {
        const fault = faults.get(method);
        faults.delete(method);
        // Every call resolves asynchronously, as a network call would.
        await Promise.resolve();
        if (fault === 'network') return errors.network();
        if (fault instanceof Error) throw fault;
        if (fault) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
        return (inner[method] as (...a: unknown[]) => Promise<unknown>)(...args);
      },
    ]),
  ) as unknown as AuthClient;

  return {
    client,
    outbox,
    pool: createPool(runtime),
    stepUpVerifier: createSimulatedStepUpVerifier(runtime),
    clock: {
      now,
      advance: (ms) => {
        offset += ms;
      },
    },
    failNext: (method, fault) => {
      faults.set(method, fault);
    },
  };
}
