export {
  TotpSetupCodeField,
  TotpSetupCopyKeyButton,
  TotpSetupError,
  TotpSetupManualKey,
  type TotpSetupPartProps,
  TotpSetupQrCode,
} from './parts.js';
export { TotpSetup, type TotpSetupProps } from './TotpSetup.js';
