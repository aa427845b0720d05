export {
  type CognitoSimulator,
  type CognitoSimulatorOptions,
  createCognitoSimulator,
  type SimulatorFault,
} from './createCognitoSimulator';
export type { Outbox, OutboxMessage } from './outbox';
export type { SimulatorPool, SimulatorUserSnapshot } from './pool';
export type { MfaConfiguration, RememberedDevices, SimulatorUserSeed } from './state';
export { totpCode } from './totp';
