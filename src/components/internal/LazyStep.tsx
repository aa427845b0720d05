import { type ReactNode, Suspense, useEffect, useRef } from 'react';
import { useMfaContext } from '../../context/mfaContext.js';

/**
 * A step whose code loads on demand (`React.lazy`): steps most sign-ins never show (TOTP setup,
 * recovery, a new password) stay out of the first download. While it loads, a "Loading…" status
 * stands in; when it arrives and focus was lost with the control that led here, the step's first
 * field (else its heading) takes it, as the step itself would have done.
 */
export function LazyStep({
  children,
  focus = 'field',
}: {
  children: ReactNode;
  /** What takes focus on arrival: the first field, or the heading for steps that start with reading. */
  focus?: 'field' | 'heading';
}) {
  const { t } = useMfaContext('LazyStep');
  return (
    <Suspense
      fallback={
        <p className="mfa-loading" role="status" data-mfa-part="loading">
          {t('common.loading')}
        </p>
      }
    >
      <FocusOnArrival preferHeading={focus === 'heading'} />
      {children}
    </Suspense>
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
