import { type ReactNode, Suspense, useEffect, useRef } from 'react';
import { useMfaContext } from '../../context/mfaContext.js';
import { LoadBoundary } from './LoadBoundary.js';
import { StatusIcon } from './StatusIcon.js';

/**
 * A step whose code loads on demand (`retryableLazy`): steps most sign-ins never show (TOTP setup,
 * recovery) stay out of the first download. While it loads, a "Loading…" status stands in; when it
 * arrives and focus was lost with the control that led here, the step's first field (else its
 * heading) takes it, as the step itself would have done. A failed download says so, with "Try again";
 * the flow's state (the user's place in sign-in) is kept.
 */
export function LazyStep({
  children,
  focus = 'field',
  cardClassName,
}: {
  children: ReactNode;
  /**
   * What takes focus on arrival: the first field, the heading for steps that start with reading, or
   * nothing for a step that moves focus itself ('self').
   */
  focus?: 'field' | 'heading' | 'self';
  /** Wraps the "Loading…" status in a card of this class, for a step that is a whole card. */
  cardClassName?: string;
}) {
  const { t, dir } = useMfaContext('LazyStep');
  const loading = (
    <p className="mfa-loading" role="status" data-mfa-part="loading">
      {t('common.loading')}
    </p>
  );
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
      // Offline, or a deploy replaced the file: say so, keep the flow, and download again on request.
      failed={(retry) =>
        inCard(
          <div data-mfa-part="load-failed" role="alert">
            <p className="mfa-alert" data-tone="error">
              <StatusIcon tone="error" />
              {t('error.network')}
            </p>
            <button type="button" className="mfa-button" onClick={retry}>
              {t('common.retry')}
            </button>
          </div>,
          false,
        )
      }
    >
      <Suspense fallback={inCard(loading, true)}>
        {focus === 'self' ? null : <FocusOnArrival preferHeading={focus === 'heading'} />}
        {children}
      </Suspense>
    </LoadBoundary>
  );
}

/** Rendered beside the loaded step: finds it through its own parent, adds no wrapper element. */
function FocusOnArrival({ preferHeading }: { preferHeading: boolean }) {
  const marker = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    const container = marker.current?.parentElement;
    const heading = container?.querySelector<HTMLElement>('h2');
    const target =
      (preferHeading ? heading : null) ??
      container?.querySelector<HTMLElement>('input:not([type="hidden"]):not(:disabled), select, textarea') ??
      heading;
    if (!target) return;
    if (target.tagName === 'H2' && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus();
  }, [preferHeading]);
  return <span ref={marker} hidden />;
}
