import { isMfaError, isStepUpCancelled, StepUpDialog, StepUpProvider, useStepUp } from 'mfa-kit';
import type { CognitoSimulator } from 'mfa-kit/testing';
import { useState } from 'react';

function Actions() {
  const { guard } = useStepUp();
  const [log, setLog] = useState<string[]>([]);
  const record = (line: string) => setLog((lines) => [...lines, line]);
  const run = (label: string, riskScore: number) =>
    guard(() => record(`${label}: done`), { riskScore, reason: label }).catch((error: unknown) =>
      record(
        `${label}: ${isStepUpCancelled(error) ? 'cancelled' : isMfaError(error) ? error.code : 'failed'}`,
      ),
    );
  return (
    <div style={{ display: 'grid', gap: '0.5rem', justifyItems: 'start' }}>
      <button type="button" className="mfa-button" onClick={() => run('Rename project', 20)}>
        Rename project (risk 20)
      </button>
      <button type="button" className="mfa-button" onClick={() => run('Delete project Apollo', 90)}>
        Delete project (risk 90)
      </button>
      <button
        type="button"
        className="mfa-button"
        onClick={() => void Promise.all([run('Export audit log', 85), run('Rotate API keys', 95)])}
      >
        Export and rotate at once (risk 85 and 95)
      </button>
      <ul aria-label="Action log">
        {log.map((line, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: an append-only log
          <li key={index}>{line}</li>
        ))}
      </ul>
    </div>
  );
}

/** Host actions of different risk behind a StepUpProvider on the story's simulator. */
export function StepUpDemo({ simulator }: { simulator: CognitoSimulator }) {
  return (
    <StepUpProvider verifier={simulator.stepUpVerifier} requiresMfaAbove={70} maxAgeSeconds={300}>
      <Actions />
    </StepUpProvider>
  );
}

/** A host that opens the prompt itself, without a StepUpProvider. */
export function StandaloneStepUpDemo({ simulator }: { simulator: CognitoSimulator }) {
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState('');
  return (
    <div style={{ display: 'grid', gap: '0.5rem', justifyItems: 'start' }}>
      <button type="button" className="mfa-button" onClick={() => setOpen(true)}>
        Change payout account
      </button>
      <output aria-label="Outcome">{outcome}</output>
      <StepUpDialog
        open={open}
        onOpenChange={setOpen}
        verifier={simulator.stepUpVerifier}
        reason="Change payout account"
        onVerified={(proof) => setOutcome(`verified with ${proof.method}`)}
        onCancel={() => setOutcome('cancelled')}
      />
    </div>
  );
}
