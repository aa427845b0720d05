export { MfaSettings, type MfaSettingsProps } from './MfaSettings.js';
