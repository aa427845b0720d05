import { type ReactNode, Suspense } from 'react';
import { useMfaContext } from '../../context/mfaContext.js';
import { LoadBoundary } from './LoadBoundary.js';
import { StatusIcon } from './StatusIcon.js';

/**
 * Code that loads on demand (`retryableLazy`): while it loads a "Loading…" status stands in; a
 * failed download says so, with "Try again" (then "Reload the page"), and the flow's state (the
 * user's place in sign-in) is kept.
 */
export function LoadOnDemand({
  children,
  cardClassName,
  onBack,
}: {
  children: ReactNode;
  /** Wraps the status in a card of this class, for what is a whole card once loaded. */
  cardClassName?: string;
  /** "Back to sign in" beside a failed download, for what is the whole flow. */
  onBack?: () => void;
}) {
  const { t, dir } = useMfaContext('LoadOnDemand');
  const inCard = (content: ReactNode, busy: boolean) =>
    cardClassName ? (
      <section className={cardClassName} dir={dir} aria-busy={busy}>
        {content}
      </section>
    ) : (
      content
    );
  return (
    <LoadBoundary
      failed={(retry, failures) =>
        inCard(<StepLoadFailed retry={retry} failures={failures} onBack={onBack} />, false)
      }
    >
      <Suspense
        fallback={inCard(
          <p className="mfa-loading" role="status" data-mfa-part="loading">
            {t('common.loading')}
          </p>,
          true,
        )}
      >
        {children}
      </Suspense>
    </LoadBoundary>
  );
}

/**
 * Offline, or a deploy replaced the file. The first failure offers another download; browsers
 * remember a failed module download, so after a second one only reloading the page helps.
 */
function StepLoadFailed({
  retry,
  failures,
  onBack,
}: {
  retry: () => void;
  failures: number;
  onBack: (() => void) | undefined;
}) {
  const { t } = useMfaContext('LoadOnDemand');
  const reload = failures > 1;
  return (
    <div data-mfa-part="load-failed" role="alert">
      <p className="mfa-alert" data-tone="error">
        <StatusIcon tone="error" />
        {t(reload ? 'error.downloadFailed' : 'error.network')}
      </p>
      <button type="button" className="mfa-button" onClick={reload ? () => window.location.reload() : retry}>
        {t(reload ? 'common.reload' : 'common.retry')}
      </button>
      {onBack ? (
        <button type="button" className="mfa-button" onClick={onBack}>
          {t('challenge.startOver')}
        </button>
      ) : null}
    </div>
  );
}
