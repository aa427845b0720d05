import { Component, type ReactNode } from 'react';
import { StepLoadError } from './retryableLazy.js';

interface LoadBoundaryProps {
  children: ReactNode;
  /** What stands in after a failed download; `retry` renders the children again (a new download). */
  failed: (retry: () => void) => ReactNode;
}

/** Catches a failed download of a component loaded on demand; any other error goes on up. */
export class LoadBoundary extends Component<LoadBoundaryProps, { error: unknown }> {
  override state: { error: unknown } = { error: undefined };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (error === undefined) return this.props.children;
    if (!(error instanceof StepLoadError)) throw error;
    return this.props.failed(() => this.setState({ error: undefined }));
  }
}
