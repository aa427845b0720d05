import { type ComponentType, createElement, lazy, useState } from 'react';

/** A component's code failed to download (offline, a deploy replaced the chunk): worth another try. */
export class StepLoadError extends Error {
  override readonly name = 'StepLoadError';
}

/** A component whose code loads on demand; `preload` starts the download before it is shown. */
export type RetryableLazyComponent<P extends object> = ComponentType<P> & { preload(): void };

/**
 * `React.lazy`, except that a failed download is not final (React keeps a rejected lazy component
 * rejected forever, so after a failure the next render starts a fresh one; `LoadBoundary` shows the
 * failure with a "Try again"), and that code `preload`ed before the first render is used at once,
 * with no "Loading…" in between.
 */
export function retryableLazy<P extends object>(
  load: () => Promise<ComponentType<P>>,
): RetryableLazyComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const download = () => {
    pending ??= load().then(
      (component) => (loaded = component),
      (cause: unknown) => {
        pending = undefined;
        current = lazy(attempt);
        throw new StepLoadError('A part of mfa-kit could not be downloaded.', { cause });
      },
    );
    return pending;
  };
  const attempt = () => download().then((component) => ({ default: component }));
  let current = lazy(attempt);
  function RetryableLazy(props: P) {
    // Chosen once per mount: switching from the lazy wrapper to the loaded component would remount it.
    const [type] = useState<ComponentType<P>>(() => loaded ?? current);
    return createElement(type, props);
  }
  RetryableLazy.preload = () => {
    download().catch(() => {
      // Shown, with "Try again", if the component is rendered.
    });
  };
  return RetryableLazy;
}
