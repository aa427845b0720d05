import type { MfaMethod } from '../ports.js';
import type { SimulatorState, StoredUser } from './state.js';

/** Cognito keeps a challenge session for 3 minutes; Amplify forgets its sign-in state at the same age. */
export const CHALLENGE_SESSION_MS = 3 * 60 * 1000;
export const MAX_LOCKOUT_MS = 15 * 60 * 1000;
const FREE_MFA_FAILURES = 5;

const factorOrder: readonly MfaMethod[] = ['SMS', 'TOTP', 'EMAIL'];

/** Factors this user can be challenged with, in Cognito's order: enabled by the user and offered by the pool. */
export function activeFactors(state: SimulatorState, user: StoredUser): MfaMethod[] {
  if (state.mfaConfiguration === 'OFF') return [];
  return factorOrder.filter((method) => user.enabled.includes(method) && state.mfaMethods.includes(method));
}

/** Factors a new user may set up during sign-in. Cognito never offers SMS here. */
export function setupFactors(state: SimulatorState): MfaMethod[] {
  return state.mfaMethods.filter((method) => method === 'TOTP' || method === 'EMAIL');
}

/** Cognito's exponential lockout: after five failures, 2^(n-5) seconds, capped at about 15 minutes. */
export function lockoutAfterFailure(failures: number, now: number): number | undefined {
  if (failures < FREE_MFA_FAILURES) return undefined;
  return now + Math.min(2 ** (failures - FREE_MFA_FAILURES) * 1000, MAX_LOCKOUT_MS);
}

export function isDeviceRemembered(state: SimulatorState, user: StoredUser): boolean {
  if (state.rememberedDevices === 'OFF') return false;
  const deviceKey = state.deviceKeys[user.username];
  return deviceKey !== undefined && user.devices.some((device) => device.id === deviceKey);
}
