import { RecoveryCodesPanel } from './RecoveryCodesPanel.js';
import { RegenerateDialog } from './RegenerateDialog.js';

export interface RecoveryCodesProps {
  /** The account named in the downloaded file, e.g. "alice@example.com". */
  accountName?: string;
  /** Overrides the provider's issuer in the downloaded file. */
  issuer?: string;
  /** 'if-none': generate at once when the user has no unused codes (after enrolment); 'always': replace them. */
  autoGenerate?: 'never' | 'if-none' | 'always';
  /** After the user confirmed they saved a new set (or, with nothing new to save, pressed Continue). */
  onAcknowledged?: () => void;
  className?: string;
}

/** Recovery codes for the signed-in user: generate, show once, confirm saved; how many are left; regenerate. */
export function RecoveryCodes(props: RecoveryCodesProps) {
  return <RecoveryCodesPanel {...props} regenerate={(control) => <RegenerateDialog {...control} />} />;
}
