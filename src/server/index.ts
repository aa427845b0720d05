export {
  isMfaAdminError,
  MfaAdminError,
  type MfaAdminErrorCode,
} from '../core/adminErrors.js';
export type {
  MfaCompliance,
  MfaComplianceStatus,
  MfaEnforcementAction,
  MfaPolicy,
} from '../core/mfaPolicy.js';
export type {
  AdminAuditEvent,
  AdminAuditEventType,
  AdminAuditQuery,
  AdminBypassInput,
  AdminBypassResult,
  AdminComplianceStatus,
  AdminListUsersInput,
  AdminPage,
  AdminResetInput,
  AdminUserRow,
  ComplianceExport,
  ComplianceExportInput,
  MfaMethod,
  PoolMfaChangeImpact,
  PoolMfaConfig,
  PoolMfaMode,
  RecoveryCodeSet,
  RecoveryCodesStatus,
  RecoveryRedeemFailure,
  RecoveryRedeemResult,
  SetMfaPolicyInput,
  SetPoolMfaConfigInput,
  SetPoolMfaConfigResult,
} from '../ports.js';
export {
  type CognitoAdminPoolOptions,
  cognitoAdminPool,
} from './admin/cognitoAdminPool.js';
export {
  COMPLIANCE_CONTROLS,
  COMPLIANCE_EXPORT_FORMAT,
  type ComplianceControl,
  type CompliancePeriod,
  type ComplianceReport,
  type ComplianceSummary,
  complianceJson,
} from './admin/compliance.js';
export { COMPLIANCE_CSV_SECTIONS, complianceCsv } from './admin/complianceCsv.js';
export type { Sha256 } from './admin/digest.js';
export {
  createMfaAdminHandler,
  MFA_ADMIN_ROUTES,
  type MfaAdminHandler,
  type MfaAdminHandlerOptions,
} from './admin/handler.js';
export {
  type MemoryAdminStoreData,
  type MemoryAdminStoreOptions,
  memoryAdminStore,
} from './admin/memoryAdminStore.js';
export type { AdminPool, PoolUser } from './admin/pool.js';
export { type RecordRecoveryOptions, recordRecoveryInAdminStore } from './admin/recoveryEvents.js';
export {
  type AdminActor,
  type AdminAuditSink,
  type BackfillOptions,
  createMfaAdminService,
  type GraceSubject,
  MAX_BYPASS_HOURS,
  type MfaAdminService,
  type MfaAdminServiceOptions,
  type SweepResult,
} from './admin/service.js';
export type {
  AdminStore,
  BackfillCheckpoint,
  BypassRecord,
  MfaStatusEntry,
  MfaStatusQuery,
  UserMfaSettings,
} from './admin/store.js';
export { type TokenBucketOptions, tokenBucket } from './admin/tokenBucket.js';
export {
  createMfaHandler,
  type MfaHandler,
  type MfaHandlerOptions,
  type MfaRequestContext,
} from './createMfaHandler.js';
export {
  adminGetUserLookup,
  type ClaimValue,
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
export { type MemoryStoreData, type MemoryStoreOptions, memoryStore } from './recovery/memoryStore.js';
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
