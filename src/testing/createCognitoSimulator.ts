import type { MfaPolicy } from '../core/mfaPolicy.js';
import { COGNITO_DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from '../core/passwordPolicy.js';
import type { AdminAdapter, AuthClient, MfaMethod, RecoveryCodesAdapter, StepUpVerifier } from '../ports.js';
import type { SweepResult } from '../server/admin/service.js';
import type { RecoveryAuditEvent } from '../server/recovery/audit.js';
import { adminNetworkError, createSimulatedAdmin } from './admin.js';
import { errors } from './cognitoErrors.js';
import { createOutbox, type Outbox } from './outbox.js';
import { createPool, type SimulatorPool, storedUserFromSeed } from './pool.js';
import { createSimulatedRecoveryCodes } from './recoveryCodes.js';
import { createSimulatedClient, type SimulatorRuntime } from './simulatedClient.js';
import {
  type MfaConfiguration,
  memoryStore,
  type RememberedDevices,
  type SimulatorState,
  type SimulatorUserSeed,
  sessionStorageStore,
  type UsernameAttribute,
} from './state.js';
import { createSimulatedReauthVerifier, createSimulatedStepUpVerifier } from './stepUpVerifier.js';

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
  /** Checked when a user sets a new password. Default Cognito's: 8 characters, upper, lower, number, symbol. */
  passwordPolicy?: PasswordPolicy;
  /** Attributes the pool requires (e.g. `['name']`): asked for with the new password when a user lacks them. */
  requiredAttributes?: string[];
  /** Sign in with the email address or phone number in place of the username. Default none. */
  usernameAttributes?: UsernameAttribute[];
  /**
   * The pool's AutoVerifiedAttributes: a changed email or phone number in this list gets a code at
   * once (CONFIRM_ATTRIBUTE_WITH_CODE); others are saved unverified (DONE) until
   * sendUserAttributeVerificationCode. Default both.
   */
  autoVerifiedAttributes?: Array<'email' | 'phone_number'>;
  /**
   * The pool's Pre Token Generation trigger, as `mfaPreTokenGeneration({ policy })` from
   * `mfa-kit/server` runs it: tokens issued at sign-in and refresh carry `mfa_compliant` and
   * `mfa_grace_until` for this policy.
   */
  mfaPolicy?: MfaPolicy;
  /** Groups whose signed-in members may use `admin`. Default `['admin']`. */
  adminGroups?: string[];
}

export type SimulatorFault = Error | 'network' | { delayMs: number };

/** Every call a fault can be injected into: the AuthClient's, and the recovery and step-up adapters'. */
export type SimulatorCall =
  | keyof AuthClient
  | `recoveryCodes.${keyof RecoveryCodesAdapter}`
  | `stepUpVerifier.${keyof StepUpVerifier}`
  | `reauthVerifier.${keyof StepUpVerifier}`
  | `admin.${keyof AdminAdapter}`
  /** The next admin call, whichever it is. */
  | 'admin.*';

export interface CognitoSimulator {
  client: AuthClient;
  outbox: Outbox;
  pool: SimulatorPool;
  clock: { now(): number; advance(ms: number): void };
  /** Step-up against this pool's signed-in user, by the same rules as sign-in. */
  stepUpVerifier: StepUpVerifier;
  /** Step-up as a Cognito side session runs it: the password first, then the factor's code. */
  reauthVerifier: StepUpVerifier;
  /** Recovery codes by the rules of `mfa-kit/server`: hashed, single use, password proof, MFA reset. */
  recoveryCodes: RecoveryCodesAdapter;
  /** The recovery backend's audit trail, oldest first. */
  auditLog(): RecoveryAuditEvent[];
  /**
   * The admin console's adapter, by the rules of `createMfaAdminHandler`: the signed-in user acts and
   * must be in one of `adminGroups`; bypasses end by themselves on reads after `clock.advance()`.
   */
  admin: AdminAdapter;
  /** What the host's scheduled job runs on the server: ends expired bypasses nobody read. */
  sweepExpiredBypasses(): Promise<SweepResult>;
  /** The next call of `method` fails with `fault` (or is delayed); one shot. */
  failNext(method: SimulatorCall, fault: SimulatorFault): void;
}

function initialState(options: CognitoSimulatorOptions, now: number): SimulatorState {
  return {
    mfaConfiguration: options.mfaConfiguration ?? 'OPTIONAL',
    mfaMethods: options.mfaMethods ?? ['TOTP', 'SMS', 'EMAIL'],
    rememberedDevices: options.rememberedDevices ?? 'USER_OPT_IN',
    passwordPolicy: options.passwordPolicy ?? COGNITO_DEFAULT_PASSWORD_POLICY,
    requiredAttributes: options.requiredAttributes ?? [],
    usernameAttributes: options.usernameAttributes ?? [],
    autoVerifiedAttributes: options.autoVerifiedAttributes ?? ['email', 'phone_number'],
    users: Object.fromEntries(
      (options.users ?? []).map((seed) => [seed.username, storedUserFromSeed(seed, now)]),
    ),
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
  let offset = 0;
  const baseNow = options.now ?? Date.now;
  const now = () => baseNow() + offset;
  const state = store.load() ?? initialState(options, now());
  const outbox = createOutbox();
  const runtime: SimulatorRuntime = {
    state,
    outbox,
    now,
    commit: () => store.save(state),
    mfaPolicy: options.mfaPolicy,
  };
  runtime.commit();

  const faults = new Map<SimulatorCall, SimulatorFault>();
  /** Wraps each method so it resolves asynchronously, as a network call would, and honours `failNext`. */
  function withFaults<T extends object>(target: T, prefix: string): T {
    return Object.fromEntries(
      Object.entries(target).map(([method, implementation]) => [
        method,
        async (...args: unknown[]) => {
          const exact = `${prefix}${method}` as SimulatorCall;
          // `admin.*` fails the adapter's next call, whichever method it is.
          const key = faults.has(exact) || !prefix ? exact : (`${prefix}*` as SimulatorCall);
          const fault = faults.get(key);
          faults.delete(key);
          await Promise.resolve();
          // The admin adapter fails as httpAdminAdapter does when its fetch throws.
          if (fault === 'network') return prefix === 'admin.' ? adminNetworkError() : errors.network();
          if (fault instanceof Error) throw fault;
          if (fault) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
          return (implementation as (...a: unknown[]) => Promise<unknown>)(...args);
        },
      ]),
    ) as T;
  }
  const client = withFaults(createSimulatedClient(runtime), '');
  const admin = createSimulatedAdmin(runtime, options.adminGroups ?? ['admin']);

  return {
    client,
    outbox,
    pool: createPool(runtime),
    stepUpVerifier: withFaults(createSimulatedStepUpVerifier(runtime), 'stepUpVerifier.'),
    reauthVerifier: withFaults(createSimulatedReauthVerifier(runtime), 'reauthVerifier.'),
    recoveryCodes: withFaults(createSimulatedRecoveryCodes(runtime), 'recoveryCodes.'),
    admin: withFaults(admin.adapter, 'admin.'),
    sweepExpiredBypasses: () => admin.service.sweepExpiredBypasses(),
    auditLog: () => [...(state.recovery?.audit ?? [])],
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
