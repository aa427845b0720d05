import { useCallback } from 'react';
import { useOptionalStepUpGuard } from '../context/stepUpContext.js';
import { isMfaAdminError } from '../core/adminErrors.js';
import { isStepUpCancelled } from '../core/errors.js';
import type { CoreMessageKey } from '../i18n/en.js';
import type { enAdmin } from '../i18n/enAdmin.js';

/** Risk score given to every admin change: above any sensible threshold, so step-up always applies. */
export const ADMIN_RISK_SCORE = 95;

/** The admin was signed out or is not in an admin group. */
export function isForbidden(error: unknown): boolean {
  return isMfaAdminError(error) && (error.code === 'FORBIDDEN' || error.code === 'UNAUTHORIZED');
}

/** The console's own text for a refusal; never the server's raw message. */
export function adminErrorKey(error: unknown): keyof typeof enAdmin | CoreMessageKey {
  if (isStepUpCancelled(error)) return 'admin.stepUpCancelled';
  if (!isMfaAdminError(error)) return 'admin.errorGeneric';
  switch (error.code) {
    case 'FORBIDDEN':
    case 'UNAUTHORIZED':
      return 'admin.forbidden';
    case 'SELF_ACTION_FORBIDDEN':
      return 'admin.errorSelf';
    case 'USER_NOT_FOUND':
      return 'admin.errorNotFound';
    case 'ALREADY_BYPASSED':
      return 'admin.errorAlreadyBypassed';
    case 'NOT_BYPASSED':
      return 'admin.errorNotBypassed';
    case 'NO_MFA_TO_BYPASS':
      return 'admin.errorNoMfa';
    case 'BYPASS_UNAVAILABLE_POOL_MFA_ON':
    case 'RESET_UNAVAILABLE_POOL_MFA_ON':
      return 'admin.errorPoolOn';
    case 'NETWORK':
      return 'admin.errorNetwork';
    case 'JUSTIFICATION_REQUIRED':
      return 'admin.justificationShort';
    default:
      return 'admin.errorGeneric';
  }
}

/**
 * Runs an admin change behind the step-up of a `<StepUpProvider>` above (always asked, as every admin
 * change is high risk), or directly when there is none. The server checks the admin again either way.
 */
export function useAdminGuard(): <T>(action: () => Promise<T>, reason: string) => Promise<T> {
  const guard = useOptionalStepUpGuard();
  return useCallback(
    <T>(action: () => Promise<T>, reason: string): Promise<T> =>
      guard ? guard(() => action(), { riskScore: ADMIN_RISK_SCORE, reason }) : action(),
    [guard],
  );
}

/** A date and time in the viewer's locale (the ISO value stays in `dateTime`). */
export function formatDateTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(locale.replaceAll('_', '-'), {
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(date);
  } catch {
    return date.toISOString();
  }
}

export const METHODS = ['TOTP', 'SMS', 'EMAIL'] as const;
