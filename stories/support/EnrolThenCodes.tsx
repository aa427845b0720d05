import { RecoveryCodes, TotpSetup } from 'mfa-kit';
import { useState } from 'react';

/** A settings page: enrol an authenticator, then save recovery codes, then done. */
export function EnrolThenCodes({ accountName }: { accountName: string }) {
  const [stage, setStage] = useState<'enrol' | 'codes' | 'done'>('enrol');
  if (stage === 'enrol') return <TotpSetup accountName={accountName} onVerified={() => setStage('codes')} />;
  if (stage === 'codes')
    return (
      <RecoveryCodes
        accountName={accountName}
        autoGenerate="if-none"
        onAcknowledged={() => setStage('done')}
      />
    );
  return <p role="status">Two-step verification is on, and your recovery codes are saved.</p>;
}
