import type { MfaMethod } from '../../ports.js';

/** Outline pictograms (24 × 24, currentColor), decorative: the label says what the method is. */
const paths: Record<MfaMethod, string> = {
  // A phone with a six-digit code.
  TOTP: 'M8 2.75h8A1.25 1.25 0 0 1 17.25 4v16A1.25 1.25 0 0 1 16 21.25H8A1.25 1.25 0 0 1 6.75 20V4A1.25 1.25 0 0 1 8 2.75ZM10.5 18h3M9 9.5h1.5M11.25 9.5h1.5M13.5 9.5H15',
  // A speech bubble.
  SMS: 'M4.75 5.75h14.5a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H10l-4.25 3.5v-3.5h-1a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1ZM8 11.25h.01M12 11.25h.01M16 11.25h.01',
  // An envelope.
  EMAIL: 'M3.75 6.25h16.5v11.5H3.75ZM4 6.5l8 6.25 8-6.25',
};

export function MethodIcon({ method }: { method: MfaMethod }) {
  return (
    <svg
      className="mfa-methods__icon"
      data-mfa-part="method-icon"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={paths[method]} />
    </svg>
  );
}
