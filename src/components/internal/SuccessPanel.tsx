import { useEffect, useRef } from 'react';
import { StatusIcon } from './StatusIcon.js';

/**
 * The end of a flow: what just succeeded and, when the host gives one, the way on ("Continue").
 * The control the user last used is gone, so focus moves here: to the action, else to the message.
 */
export function SuccessPanel({
  text,
  part,
  action,
}: {
  text: string;
  /** `data-mfa-part` of the message, e.g. "success" or "signed-in". */
  part: string;
  action?: { label: string; onClick: () => void };
}) {
  const textRef = useRef<HTMLParagraphElement>(null);
  const actionRef = useRef<HTMLButtonElement>(null);
  const hasAction = action !== undefined;
  useEffect(() => {
    const active = document.activeElement;
    if (active !== null && active !== document.body && active.isConnected) return;
    (hasAction ? actionRef.current : textRef.current)?.focus();
  }, [hasAction]);
  return (
    <div className="mfa-success" data-mfa-part="success-panel">
      <p
        ref={textRef}
        tabIndex={-1}
        className="mfa-alert"
        data-tone="success"
        data-mfa-part={part}
        role="status"
      >
        <StatusIcon tone="success" />
        {text}
      </p>
      {action ? (
        <button
          ref={actionRef}
          type="button"
          className="mfa-button mfa-button--primary"
          data-mfa-part="continue"
          onClick={action.onClick}
        >
          {action.label}
        </button>
      ) : null}
    </div>
  );
}
