import { Component, type ReactNode } from 'react';
import { StepLoadError } from './retryableLazy.js';

interface LoadBoundaryProps {
  children: ReactNode;
  /**
   * What stands in after a failed download: `retry` renders the children again (a new download);
   * `failures` counts the failed downloads so far (1, then 2 after a failed "Try again").
   */
  failed: (retry: () => void, failures: number) => ReactNode;
}

interface LoadBoundaryState {
  error: unknown;
  /** "Try again" pressed so far: the failure shown is number `retries + 1`. */
  retries: number;
}

/** Catches a failed download of a component loaded on demand; any other error goes on up. */
export class LoadBoundary extends Component<LoadBoundaryProps, LoadBoundaryState> {
  override state: LoadBoundaryState = { error: undefined, retries: 0 };

  static getDerivedStateFromError(error: unknown): Partial<LoadBoundaryState> {
    return { error };
  }

  private readonly retry = () => this.setState(({ retries }) => ({ error: undefined, retries: retries + 1 }));

  override render() {
    const { error, retries } = this.state;
    if (error === undefined) return this.props.children;
    if (!(error instanceof StepLoadError)) throw error;
    return this.props.failed(this.retry, retries + 1);
  }
}
