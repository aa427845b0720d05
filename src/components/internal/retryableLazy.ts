import { type ComponentType, createElement, lazy } from 'react';

/** A component's code failed to download (offline, a deploy replaced the chunk): worth another try. */
export class StepLoadError extends Error {
  override readonly name = 'StepLoadError';
}

/**
 * `React.lazy`, except that a failed download is not final: React keeps a rejected lazy component
 * rejected forever, so after a failure the next render starts a fresh one. `LoadBoundary` shows the
 * failure with a "Try again" that renders again.
 */
export function retryableLazy<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const attempt = () =>
    load().then(
      (component) => ({ default: component }),
      (cause: unknown) => {
        current = lazy(attempt);
        throw new StepLoadError('A part of mfa-kit could not be downloaded.', { cause });
      },
    );
  let current = lazy(attempt);
  return function RetryableLazy(props: P) {
    return createElement(current, props);
  };
}
