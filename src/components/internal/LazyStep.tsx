import { type ReactNode, useEffect, useRef } from 'react';
import { LoadOnDemand } from './LoadOnDemand.js';

/**
 * A step of sign-in whose code loads on demand: steps most sign-ins never show (TOTP setup,
 * recovery) stay out of the first download. See LoadOnDemand for loading and failure; when the step
 * arrives and focus was lost with the control that led here, the step's first field (else its
 * heading) takes it, as the step itself would have done.
 */
export function LazyStep({
  children,
  focus = 'field',
}: {
  children: ReactNode;
  /** What takes focus on arrival: the first field, or the heading for steps that start with reading. */
  focus?: 'field' | 'heading';
}) {
  return (
    <LoadOnDemand>
      <FocusOnArrival preferHeading={focus === 'heading'} />
      {children}
    </LoadOnDemand>
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
