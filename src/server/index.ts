export type {
  MfaCompliance,
  MfaComplianceStatus,
  MfaEnforcementAction,
  MfaPolicy,
} from '../core/mfaPolicy.js';
export type { MfaMethod, RecoveryCodeSet, RecoveryCodesStatus, RecoveryRedeemResult } from '../ports.js';
export {
  createMfaHandler,
  type MfaHandler,
  type MfaHandlerOptions,
  type MfaRequestContext,
} from './createMfaHandler.js';
export {
  adminGetUserLookup,
  MfaEnforcementError,
  type MfaPreTokenGenerationOptions,
  type MfaUserRecord,
  mfaPreTokenGeneration,
  type PreTokenGenerationEvent,
} from './enforcement/preTokenGeneration.js';
export {
  type MfaComplianceCheck,
  type RequireMfaComplianceOptions,
  requireMfaCompliance,
} from './enforcement/requireMfaCompliance.js';
export {
  type LambdaHandlerOptions,
  type LambdaHttpEvent,
  type LambdaHttpResult,
  lambdaHandler,
} from './lambda.js';
export { type NodeListenerOptions, nodeListener } from './nodeListener.js';
export type { PoolTokenOptions } from './poolJwt.js';
export { logAuditEvent, type RecoveryAuditEvent, type RecoveryAuditSink } from './recovery/audit.js';
export { type CognitoIdentityOptions, cognitoIdentity } from './recovery/cognitoIdentity.js';
export type { RecoveryIdentity, RecoveryRequestContext } from './recovery/identity.js';
export { type MemoryStoreOptions, memoryStore } from './recovery/memoryStore.js';
export {
  createRecoveryService,
  type RateLimit,
  RecoveryResetError,
  type RecoveryService,
  type RecoveryServiceOptions,
  type RedeemRequest,
} from './recovery/service.js';
export type { RecoveryCodeStore, StoredRecoveryCode, StoredRecoveryCodes } from './recovery/store.js';
export { stepUpRequired } from './stepUpRequired.js';
export {
  cognitoUserHasMfa,
  type StepUpIdentity,
  StepUpProofError,
  type VerifyStepUpProofOptions,
  verifyStepUpProof,
} from './verifyStepUpProof.js';
