import type { MfaMethod } from '../ports.js';
import { DAY_MS } from './instant.js';
import { MFA_METHODS as METHODS } from './mfaMethods.js';
import type { MfaEnforcementAction, MfaPolicy } from './mfaPolicy.js';

/**
 * What an MFA policy asks of one user (by their groups) and whether they meet it now: the same
 * pure functions decide in `<MfaGate>` and in the Pre Token Generation trigger.
 */

/** What the policy asks of a user with these groups. */
export interface MfaRequirement {
  /** Some group of the user is in `requiredRoles`. */
  required: boolean;
  /** Some group of the user is an admin role. */
  admin: boolean;
  /**
   * Methods that count. Every group named by the policy must accept the method (the strictest role
   * wins); if those lists share none, the highest role's list (admin, then required, then optional).
   */
  allowedMethods: readonly MfaMethod[];
}

/** Admin (3) > required (2) > optional (1) > not named (0). */
function rank(policy: MfaPolicy, role: string): number {
  if (policy.adminRoles.includes(role)) return 3;
  if (policy.requiredRoles.includes(role)) return 2;
  if (policy.optionalRoles.includes(role) || policy.allowedMethods[role]) return 1;
  return 0;
}

export function mfaRequirementFor(policy: MfaPolicy, groups: readonly string[]): MfaRequirement {
  const named = [...new Set(groups)].filter((role) => rank(policy, role) > 0);
  const required = named.some((role) => policy.requiredRoles.includes(role));
  const admin = named.some((role) => policy.adminRoles.includes(role));
  if (named.length === 0) return { required, admin, allowedMethods: policy.defaultAllowedMethods };
  const listOf = (role: string) => policy.allowedMethods[role] ?? policy.defaultAllowedMethods;
  const common = METHODS.filter((method) => named.every((role) => listOf(role).includes(method)));
  if (common.length > 0) return { required, admin, allowedMethods: common };
  // Conflicting lists: the highest-ranked role decides (first in a stable order among equals).
  const top = [...named].sort((a, b) => rank(policy, b) - rank(policy, a) || a.localeCompare(b))[0] as string;
  return { required, admin, allowedMethods: listOf(top) };
}

/** When a required user's grace ends: `gracePeriodDays` × 24 h after the later of creation and policy start. */
export function graceDeadline(policy: MfaPolicy, userCreatedAt: number): number {
  const start = Number.isFinite(userCreatedAt)
    ? Math.max(userCreatedAt, policy.policyStart)
    : policy.policyStart;
  return start + policy.gracePeriodDays * DAY_MS;
}

export interface MfaComplianceInput {
  /** `cognito:groups`. */
  groups: readonly string[];
  /** Factors the user has turned on (fetchMFAPreference's `enabled`, AdminGetUser's `UserMFASettingList`). */
  enabledMethods: readonly MfaMethod[];
  /** Epoch ms of account creation (AdminGetUser's `UserCreateDate`). Unknown: the policy start counts. */
  userCreatedAt?: number;
  /** A deadline already decided (the token's `mfa_grace_until`, in ms): it wins over the computation. */
  graceUntil?: number;
  now: number;
}

export type MfaComplianceStatus = 'not_required' | 'compliant' | 'grace' | 'past_grace';

export interface MfaCompliance {
  status: MfaComplianceStatus;
  /** Has what the policy asks: not required, or an accepted method turned on. */
  compliant: boolean;
  /** May use the app: compliant, or not yet past grace. */
  allowed: boolean;
  required: boolean;
  admin: boolean;
  allowedMethods: readonly MfaMethod[];
  /** The user's enabled methods the role accepts. */
  acceptedMethods: readonly MfaMethod[];
  /** The user has MFA, but only methods the role does not accept (e.g. an admin with SMS only). */
  methodNotAllowed: boolean;
  /** Epoch ms; for required users who are not compliant. */
  graceUntil?: number;
  /** Whole days left, rounded up (1 on the last day); 0 past grace. */
  daysLeft?: number;
  /** The policy's action once past grace. */
  action?: MfaEnforcementAction;
}

/** Whole days (24 h) from `now` until `deadline`, rounded up; 0 when it has passed. */
export function daysUntil(deadline: number, now: number): number {
  return deadline > now ? Math.ceil((deadline - now) / DAY_MS) : 0;
}

/** Where a user stands against the policy at `now`. */
export function evaluateMfaCompliance(policy: MfaPolicy, input: MfaComplianceInput): MfaCompliance {
  const requirement = mfaRequirementFor(policy, input.groups);
  const acceptedMethods = requirement.allowedMethods.filter((method) =>
    input.enabledMethods.includes(method),
  );
  const base = {
    required: requirement.required,
    admin: requirement.admin,
    allowedMethods: requirement.allowedMethods,
    acceptedMethods,
    methodNotAllowed: acceptedMethods.length === 0 && input.enabledMethods.length > 0,
  };
  if (!requirement.required)
    return { ...base, status: 'not_required', compliant: true, allowed: true, methodNotAllowed: false };
  if (acceptedMethods.length > 0) return { ...base, status: 'compliant', compliant: true, allowed: true };
  const graceUntil =
    input.graceUntil !== undefined && Number.isFinite(input.graceUntil)
      ? input.graceUntil
      : graceDeadline(policy, input.userCreatedAt ?? Number.NaN);
  const daysLeft = daysUntil(graceUntil, input.now);
  if (input.now < graceUntil)
    return { ...base, status: 'grace', compliant: false, allowed: true, graceUntil, daysLeft };
  return {
    ...base,
    status: 'past_grace',
    compliant: false,
    allowed: false,
    graceUntil,
    daysLeft: 0,
    action: policy.enforcementAction,
  };
}
