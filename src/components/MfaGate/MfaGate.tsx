import { type ReactNode, useState } from 'react';
import { useMfaContext } from '../../context/mfaContext.js';
import type { MfaPolicy } from '../../core/mfaPolicy.js';
import { useMfaEnforcement } from '../../hooks/useMfaEnforcement.js';
import { enSettings } from '../../i18n/enSettings.js';
import { classNames } from '../internal/classNames.js';
import { BlockedScreen } from './BlockedScreen.js';
import { EnforcedSetup } from './EnforcedSetup.js';
import { GraceBanner } from './GraceBanner.js';

export interface MfaGateProps {
  /** The role policy (`createMfaPolicy`), the same one the Pre Token Generation trigger runs. */
  policy: MfaPolicy;
  /** The host app, for users who may use it. */
  children?: ReactNode;
  /** The label in the authenticator app; default the ID token's email, else the username. */
  accountName?: string;
  /** After the user signed out from the blocked screen. */
  onSignOut?: () => void;
  /** Time source (epoch ms). Default `Date.now`. */
  now?: () => number;
  className?: string;
}

/**
 * Wraps the app of a signed-in user and applies an `MfaPolicy`: compliant users see the app; users in
 * grace see it under a dismissible banner with the days left and "Set up now"; past grace,
 * `redirect_to_setup` shows the setup (methods the role accepts, then recovery codes) before the app,
 * and `block` shows a blocked screen. The user experience only: the server refuses tokens whose
 * claims say past grace (`requireMfaCompliance`).
 */
export function MfaGate({ policy, children, accountName, onSignOut, now, className }: MfaGateProps) {
  const mfa = useMfaContext('MfaGate', enSettings);
  const { t } = mfa;
  const enforcement = useMfaEnforcement({ policy, now });
  const { compliance, status } = enforcement;
  const [setupOpen, setSetupOpen] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const redirected = status === 'past_grace' && compliance?.action === 'redirect_to_setup';
  const state = setupOpen || redirected ? 'setup' : status === 'past_grace' ? 'blocked' : status;

  let body: ReactNode;
  if (compliance && (setupOpen || redirected)) {
    body = (
      <EnforcedSetup
        compliance={compliance}
        accountName={accountName ?? enforcement.accountName ?? ''}
        onLater={status === 'grace' ? () => setSetupOpen(false) : undefined}
        focusOnMount={setupOpen}
        onFinished={async () => {
          setSetupOpen(true);
          await enforcement.refresh();
          setSetupOpen(false);
        }}
      />
    );
  } else if (status === 'loading' || status === 'error') {
    body = (
      <div className="mfa-gate__status" data-mfa-part="status">
        <p role="status">{status === 'loading' ? t('gate.checking') : ''}</p>
        <div role="alert">
          {status === 'error' && enforcement.error ? (
            <>
              <p>{t('gate.loadFailed')}</p>
              <p>{mfa.describeError(enforcement.error)}</p>
              <button type="button" className="mfa-button" onClick={enforcement.retry}>
                {t('common.retry')}
              </button>
            </>
          ) : null}
        </div>
      </div>
    );
  } else if (compliance && status === 'past_grace') {
    body = <BlockedScreen compliance={compliance} onSignOut={onSignOut} />;
  } else {
    body = (
      <>
        {compliance && status === 'grace' && !dismissed ? (
          <GraceBanner
            compliance={compliance}
            onSetUp={() => setSetupOpen(true)}
            onDismiss={() => setDismissed(true)}
          />
        ) : null}
        {children}
      </>
    );
  }
  return (
    <div
      className={classNames('mfa-gate', className)}
      data-mfa-part="gate"
      data-state={state}
      data-days-left={compliance?.daysLeft}
      dir={mfa.dir}
    >
      {body}
    </div>
  );
}
