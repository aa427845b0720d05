import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MfaProvider } from 'mfa-kit';
import { createCognitoSimulator } from 'mfa-kit/testing';
import { Component, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
// A unit test of internal parts: the steps SignIn loads on demand use them, and a browser offline is hard to stage
// through the public entry. What the user sees is asserted, as for any component.
import { LazyStep } from '../../src/components/internal/LazyStep';
import { LoadOnDemand } from '../../src/components/internal/LoadOnDemand';
import { retryableLazy } from '../../src/components/internal/retryableLazy';

function Step() {
  return (
    <label>
      Recovery code <input />
    </label>
  );
}

class HostBoundary extends Component<{ children: ReactNode }, { message?: string }> {
  override state: { message?: string } = {};
  static getDerivedStateFromError(error: Error) {
    return { message: error.message };
  }
  override render() {
    return this.state.message ? <p>Host caught: {this.state.message}</p> : this.props.children;
  }
}

const renderStep = (children: ReactNode, onBack?: () => void) =>
  render(
    <HostBoundary>
      <MfaProvider client={createCognitoSimulator().client}>
        {onBack ? <LoadOnDemand onBack={onBack}>{children}</LoadOnDemand> : <LazyStep>{children}</LazyStep>}
      </MfaProvider>
    </HostBoundary>,
  );

afterEach(() => vi.restoreAllMocks());

describe('a step whose download fails', () => {
  it('says so, and "Try again" downloads it again and focuses its field', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    let online = false;
    let attempts = 0;
    const OnDemand = retryableLazy(async () => {
      attempts += 1;
      if (!online) throw new TypeError('Failed to fetch dynamically imported module');
      return Step;
    });
    const user = userEvent.setup();
    renderStep(<OnDemand />);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'We could not reach the server. Check your connection and try again.',
    );
    expect(screen.queryByText(/Host caught/)).not.toBeInTheDocument();
    const failedAttempts = attempts;
    online = true;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('textbox', { name: 'Recovery code' })).toHaveFocus();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(attempts).toBe(failedAttempts + 1);
  });

  it('after a second failure offers to reload the page, and the way back throughout', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const OnDemand = retryableLazy(async () => {
      throw new TypeError('Failed to fetch dynamically imported module');
    });
    const onBack = vi.fn();
    const user = userEvent.setup();
    renderStep(<OnDemand />, onBack);
    await user.click(await screen.findByRole('button', { name: 'Try again' }));
    // Browsers remember a failed module download: a third try from this page would fail the same way.
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This part of the page could not be downloaded. Check your connection, then reload the page.',
    );
    expect(screen.getByRole('button', { name: 'Reload the page' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Back to sign in' }));
    expect(onBack).toHaveBeenCalledTimes(1);
  });

  it('a component preloaded before it is shown appears at once, with no "Loading…" in between', async () => {
    let resolveLoad: (component: typeof Step) => void = () => {};
    const OnDemand = retryableLazy(
      () =>
        new Promise<typeof Step>((resolve) => {
          resolveLoad = resolve;
        }),
    );
    OnDemand.preload();
    resolveLoad(Step);
    await Promise.resolve();
    await Promise.resolve();
    renderStep(<OnDemand />);
    expect(screen.getByRole('textbox', { name: 'Recovery code' })).toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('leaves other errors to the host: a bug is not reported as a network problem', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const Broken = retryableLazy(async () => () => {
      throw new Error('a bug in the step');
    });
    renderStep(<Broken />);
    expect(await screen.findByText('Host caught: a bug in the step')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });
});
