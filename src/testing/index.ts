export type { PasswordPolicy } from '../core/passwordPolicy.js';
export type { SweepResult } from '../server/admin/service.js';
export type { RecoveryAuditEvent } from '../server/recovery/audit.js';
export {
  type CognitoSimulator,
  type CognitoSimulatorOptions,
  createCognitoSimulator,
  type SimulatorCall,
  type SimulatorFault,
} from './createCognitoSimulator.js';
export type { Outbox, OutboxMessage } from './outbox.js';
export type { SimulatorPool, SimulatorUserSnapshot } from './pool.js';
export type {
  MfaConfiguration,
  RememberedDevices,
  SimulatorUserSeed,
  SimulatorUserStatus,
  UsernameAttribute,
} from './state.js';
export { totpCode } from './totp.js';
