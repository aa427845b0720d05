import type { MfaMethod } from '../ports.js';
import { parseInstant } from './instant.js';
import { MFA_METHODS as METHODS } from './mfaMethods.js';

/**
 * Role-based MFA enforcement (the StackFlow seed's `mfa_enforcement`): which roles must use MFA,
 * with which methods, and how long a new account or a new policy gives them to enrol.
 * Pure data plus pure functions: the same policy drives `<MfaGate>` in the browser and the Pre Token
 * Generation trigger of `mfa-kit/server`, which writes the outcome into the tokens.
 */

export type MfaEnforcementAction = 'redirect_to_setup' | 'block';

/** Seed 001: "Do not increase this value for administrator roles". */
export const MAX_ADMIN_GRACE_PERIOD_DAYS = 7;
export const DEFAULT_GRACE_PERIOD_DAYS = 7;
/** Longest grace any role may have. */
export const MAX_GRACE_PERIOD_DAYS = 90;

/** What a host writes: every field but `policyStart` has a default. */
export interface MfaPolicyInput {
  /** Groups (`cognito:groups`) whose members must use MFA. */
  requiredRoles?: readonly string[];
  /** Groups whose members may use MFA; named so their allowed methods can be set. */
  optionalRoles?: readonly string[];
  /**
   * Administrator groups: TOTP only and at most 7 days of grace (seed 001). Default: the required
   * roles whose name contains "admin" (case-insensitive), e.g. `super_admin`, `cloud_admin`.
   */
  adminRoles?: readonly string[];
  /** Days a required user has to enrol, counted from the later of account creation and `policyStart`. Default 7. */
  gracePeriodDays?: number;
  /** What happens after the grace period. Default 'redirect_to_setup'. */
  enforcementAction?: MfaEnforcementAction;
  /**
   * Methods accepted per role. Default: admin roles `['TOTP']`; every other role `defaultAllowedMethods`.
   * An admin role may only list TOTP (seed 001: SMS is acceptable for non-admin users only).
   */
  allowedMethods?: Readonly<Record<string, readonly MfaMethod[]>>;
  /** Methods accepted for roles without an `allowedMethods` entry. Default TOTP, SMS, EMAIL. */
  defaultAllowedMethods?: readonly MfaMethod[];
  /**
   * When the policy took effect: a `Date`, epoch ms, or ISO 8601 with `Z` or an offset
   * (`2026-05-01T09:00:00+02:00`); a bare date (`2026-05-01`) is midnight UTC. A date-time without
   * an offset is refused: it would mean a different instant in every time zone.
   */
  policyStart: Date | number | string;
}

/** A validated, normalised policy. Build it with `createMfaPolicy`; it is frozen and JSON-serialisable. */
export interface MfaPolicy {
  readonly requiredRoles: readonly string[];
  readonly optionalRoles: readonly string[];
  readonly adminRoles: readonly string[];
  readonly gracePeriodDays: number;
  readonly enforcementAction: MfaEnforcementAction;
  /** Resolved for every named role (required, optional and admin). */
  readonly allowedMethods: Readonly<Record<string, readonly MfaMethod[]>>;
  readonly defaultAllowedMethods: readonly MfaMethod[];
  /** Epoch ms. */
  readonly policyStart: number;
}

/** A policy that cannot be built; `issues` lists every problem found, not only the first. */
export class MfaPolicyError extends Error {
  override readonly name = 'MfaPolicyError';
  readonly issues: readonly string[];
  constructor(issues: readonly string[]) {
    super(`Invalid MFA policy: ${issues.join(' ')}`);
    this.issues = issues;
  }
}

function uniqueRoles(list: readonly string[] | undefined, field: string, issues: string[]): string[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    issues.push(`${field} must be an array of group names.`);
    return [];
  }
  const seen = new Set<string>();
  for (const role of list) {
    if (typeof role !== 'string' || role.trim() === '' || role !== role.trim()) {
      issues.push(`${field} has an empty or padded group name (${JSON.stringify(role)}).`);
      continue;
    }
    seen.add(role);
  }
  return [...seen];
}

function methodList(value: unknown, field: string, issues: string[]): MfaMethod[] | undefined {
  if (!Array.isArray(value) || value.length === 0) {
    issues.push(`${field} must list at least one of TOTP, SMS, EMAIL.`);
    return undefined;
  }
  const unknown = value.filter((method) => !METHODS.includes(method as MfaMethod));
  if (unknown.length > 0) {
    issues.push(`${field} has unknown methods: ${unknown.map((m) => JSON.stringify(m)).join(', ')}.`);
    return undefined;
  }
  // Canonical order, no duplicates: TOTP, SMS, EMAIL.
  return METHODS.filter((method) => value.includes(method));
}

/**
 * Validates and normalises a policy. Throws `MfaPolicyError` listing every problem: a role both
 * required and optional, a grace period over 7 days while an admin role is required, an admin role
 * allowed anything but TOTP, unknown methods, an ambiguous `policyStart`.
 */
export function createMfaPolicy(input: MfaPolicyInput): MfaPolicy {
  const issues: string[] = [];
  if (typeof input !== 'object' || input === null)
    throw new MfaPolicyError(['The policy must be an object.']);
  const requiredRoles = uniqueRoles(input.requiredRoles, 'requiredRoles', issues);
  const optionalRoles = uniqueRoles(input.optionalRoles, 'optionalRoles', issues);
  const both = requiredRoles.filter((role) => optionalRoles.includes(role));
  if (both.length > 0) issues.push(`Roles cannot be both required and optional: ${both.join(', ')}.`);
  const adminRoles =
    input.adminRoles === undefined
      ? requiredRoles.filter((role) => /admin/i.test(role))
      : uniqueRoles(input.adminRoles, 'adminRoles', issues);
  const adminNotRequired = adminRoles.filter((role) => !requiredRoles.includes(role));
  if (adminNotRequired.length > 0)
    issues.push(`Admin roles must be in requiredRoles: ${adminNotRequired.join(', ')}.`);

  const gracePeriodDays = input.gracePeriodDays ?? DEFAULT_GRACE_PERIOD_DAYS;
  if (
    typeof gracePeriodDays !== 'number' ||
    !Number.isInteger(gracePeriodDays) ||
    gracePeriodDays < 0 ||
    gracePeriodDays > MAX_GRACE_PERIOD_DAYS
  ) {
    issues.push(`gracePeriodDays must be a whole number from 0 to ${MAX_GRACE_PERIOD_DAYS}.`);
  } else if (gracePeriodDays > MAX_ADMIN_GRACE_PERIOD_DAYS) {
    if (adminRoles.length > 0) {
      issues.push(
        `gracePeriodDays is ${gracePeriodDays}, but admin roles (${adminRoles.join(', ')}) may have at most ${MAX_ADMIN_GRACE_PERIOD_DAYS} days: an admin account without MFA can compromise the whole tenant.`,
      );
    }
  }

  const enforcementAction = input.enforcementAction ?? 'redirect_to_setup';
  if (enforcementAction !== 'redirect_to_setup' && enforcementAction !== 'block')
    issues.push(`enforcementAction must be 'redirect_to_setup' or 'block'.`);

  const defaultAllowedMethods =
    input.defaultAllowedMethods === undefined
      ? [...METHODS]
      : (methodList(input.defaultAllowedMethods, 'defaultAllowedMethods', issues) ?? []);

  const allowedMethods: Record<string, MfaMethod[]> = {};
  const given = input.allowedMethods ?? {};
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    issues.push('allowedMethods must map role names to method lists.');
  } else {
    for (const [role, list] of Object.entries(given)) {
      const methods = methodList(list, `allowedMethods.${role}`, issues);
      if (methods) allowedMethods[role] = methods;
    }
  }
  for (const role of [...requiredRoles, ...optionalRoles, ...adminRoles]) {
    if (allowedMethods[role]) continue;
    allowedMethods[role] = adminRoles.includes(role) ? ['TOTP'] : [...defaultAllowedMethods];
  }
  for (const role of adminRoles) {
    const methods = allowedMethods[role] ?? [];
    if (methods.some((method) => method !== 'TOTP')) {
      issues.push(
        `Admin role ${role} may only use TOTP (authenticator app); ${methods.filter((m) => m !== 'TOTP').join(', ')} is acceptable for non-admin users only.`,
      );
    }
  }

  const policyStart = parseInstant(input.policyStart);
  if (policyStart === undefined) {
    issues.push(
      'policyStart must be a Date, epoch milliseconds, or ISO 8601 with Z or an offset (a bare date means midnight UTC).',
    );
  }

  if (issues.length > 0) throw new MfaPolicyError(issues);
  return deepFreeze({
    requiredRoles,
    optionalRoles,
    adminRoles,
    gracePeriodDays,
    enforcementAction,
    allowedMethods,
    defaultAllowedMethods,
    policyStart: policyStart as number,
  });
}

/**
 * The seed's JSON form (`required_roles`, `optional_roles`, `grace_period_days`,
 * `enforcement_action`, `allowed_methods`, `admin_roles`, `policy_start`), e.g. a system-property
 * record, validated the same way. Accepts the object itself or `{ mfa_enforcement: … }`.
 */
export function mfaPolicyFromJson(json: unknown): MfaPolicy {
  const root = (json ?? {}) as Record<string, unknown>;
  const config = (root.mfa_enforcement ?? root) as Record<string, unknown>;
  if (typeof config !== 'object' || config === null)
    throw new MfaPolicyError(['The policy must be an object.']);
  return createMfaPolicy({
    requiredRoles: config.required_roles as string[] | undefined,
    optionalRoles: config.optional_roles as string[] | undefined,
    adminRoles: config.admin_roles as string[] | undefined,
    gracePeriodDays: config.grace_period_days as number | undefined,
    enforcementAction: config.enforcement_action as MfaEnforcementAction | undefined,
    allowedMethods: config.allowed_methods as Record<string, MfaMethod[]> | undefined,
    defaultAllowedMethods: config.default_allowed_methods as MfaMethod[] | undefined,
    policyStart: config.policy_start as string,
  });
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

// What a policy asks of one user lives in mfaCompliance.ts, instants in instant.ts; re-exported so
// importers keep one path.
export { parseInstant } from './instant.js';
export {
  daysUntil,
  evaluateMfaCompliance,
  graceDeadline,
  type MfaCompliance,
  type MfaComplianceInput,
  type MfaComplianceStatus,
  type MfaRequirement,
  mfaRequirementFor,
} from './mfaCompliance.js';
