import { Component, type ReactNode } from 'react';
import { StepLoadError } from './retryableLazy.js';

interface LoadBoundaryProps {
  children: ReactNode;
  /**
   * What stands in after a failed download: `retry` renders the children again (a new download);
   * `failures` counts the downloads that failed in a row.
   */
  failed: (retry: () => void, failures: number) => ReactNode;
}

interface LoadBoundaryState {
  error: unknown;
  failures: number;
}

/** Catches a failed download of a component loaded on demand; any other error goes on up. */
export class LoadBoundary extends Component<LoadBoundaryProps, LoadBoundaryState> {
  override state: LoadBoundaryState = { error: undefined, failures: 0 };

  static getDerivedStateFromError(error: unknown): Partial<LoadBoundaryState> {
    return { error };
  }

  override componentDidCatch(error: unknown) {
    if (error instanceof StepLoadError) this.setState(({ failures }) => ({ failures: failures + 1 }));
  }

  override render() {
    const { error, failures } = this.state;
    if (error === undefined) return this.props.children;
    if (!(error instanceof StepLoadError)) throw error;
    return this.props.failed(() => this.setState({ error: undefined }), Math.max(failures, 1));
  }
}
