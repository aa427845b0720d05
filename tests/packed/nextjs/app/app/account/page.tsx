import { RecoveryCodes } from 'mfa-kit';
import { AuthenticatorSetup } from './AuthenticatorSetup';

export default function AccountPage() {
  return (
    <main>
      <h1>Account security</h1>
      <AuthenticatorSetup />
      <RecoveryCodes />
    </main>
  );
}
