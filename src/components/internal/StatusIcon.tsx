/** The kind of message an alert or status region carries; its icon and colour follow. */
export type StatusTone = 'error' | 'warning' | 'success';

/**
 * A decorative icon in front of an alert's text: hidden from assistive technology, so the text
 * alone is what is announced. Drawn with `currentColor` strokes, it follows the theme and forced colours.
 */
export function StatusIcon({ tone }: { tone: StatusTone }) {
  return (
    <svg
      className="mfa-status-icon"
      data-mfa-part="status-icon"
      data-tone={tone}
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 20 20"
      width="20"
      height="20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.75"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {tone === 'warning' ? (
        <>
          <path d="M10 2.75 18 17H2L10 2.75Z" />
          <path d="M10 8v4" />
          <path d="M10 14.5v.01" />
        </>
      ) : (
        <circle cx="10" cy="10" r="8" />
      )}
      {tone === 'error' ? (
        <>
          <path d="M10 5.75v5" />
          <path d="M10 14v.01" />
        </>
      ) : null}
      {tone === 'success' ? <path d="m6.25 10.25 2.5 2.5 5-5.5" /> : null}
    </svg>
  );
}
