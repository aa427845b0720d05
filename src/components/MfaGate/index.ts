export { MfaGate, type MfaGateProps } from './MfaGate.js';
