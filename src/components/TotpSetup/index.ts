export {
  TotpSetupCodeField,
  TotpSetupCopyKeyButton,
  TotpSetupError,
  TotpSetupManualKey,
  TotpSetupQrCode,
} from './parts.js';
export { TotpSetup, type TotpSetupProps } from './TotpSetup.js';
