import { useId } from 'react';
import { useMfaContext } from '../context/mfaContext.js';
import { enAdmin } from '../i18n/enAdmin.js';
import type { AdminUserRow, PoolMfaChangeImpact, PoolMfaConfig } from '../ports.js';

/** A pool MFA change under review: the new configuration, the dry run's counts, users without MFA. */
export interface PoolMfaReview {
  config: PoolMfaConfig;
  impact?: PoolMfaChangeImpact;
  withoutMfa: AdminUserRow[];
}

/**
 * Who a pool MFA change affects (from the dry run), the users without MFA it would send to setup, and
 * for ON the rollout path (OPTIONAL, admins enrol, then ON).
 */
export function PoolMfaImpact({ review }: { review: PoolMfaReview }) {
  const { t } = useMfaContext('PoolMfaSettings', enAdmin);
  const id = useId();
  const { impact } = review;
  return (
    <>
      {impact && (
        <div className="mfa-admin__impact">
          {review.config.mode === 'ON' && impact.withoutMfa > 0 && (
            <p>{t('admin.impactSetup', { count: impact.withoutMfa })}</p>
          )}
          {review.config.mode === 'ON' && impact.lockedOut > 0 && (
            <p className="mfa-admin__warning">{t('admin.impactLocked', { count: impact.lockedOut })}</p>
          )}
          {review.config.mode === 'OFF' && impact.losingMfa > 0 && (
            <p>{t('admin.impactLosing', { count: impact.losingMfa })}</p>
          )}
          {((review.config.mode === 'ON' && impact.withoutMfa === 0) ||
            (review.config.mode === 'OFF' && impact.losingMfa === 0) ||
            review.config.mode === 'OPTIONAL') && <p>{t('admin.impactNone')}</p>}
        </div>
      )}
      {review.withoutMfa.length > 0 && (
        <section aria-labelledby={`${id}-without`}>
          <h4 id={`${id}-without`}>{t('admin.usersWithoutMfa')}</h4>
          <ul className="mfa-admin__list">
            {review.withoutMfa.map((row) => (
              <li key={row.username}>
                {row.username}
                {row.email ? ` (${row.email})` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
      {review.config.mode === 'ON' && (
        <section aria-labelledby={`${id}-rollout`} className="mfa-admin__guidance">
          <h4 id={`${id}-rollout`}>{t('admin.rolloutTitle')}</h4>
          <ol>
            <li>{t('admin.rolloutOptional')}</li>
            <li>{t('admin.rolloutAdmins')}</li>
            <li>{t('admin.rolloutOn')}</li>
          </ol>
        </section>
      )}
    </>
  );
}
