/**
 * `mfa-kit/admin`: the MFA admin console over an `AdminAdapter` (`httpAdminAdapter` from `mfa-kit`, or
 * the simulator's `admin` from `mfa-kit/testing`). Render inside `<MfaProvider>`; wrap in
 * `<StepUpProvider>` so every change asks for the admin's MFA first.
 */

export type {
  AdminAdapter,
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
  SetPoolMfaConfigInput,
  SetPoolMfaConfigResult,
} from '../ports.js';
export {
  type AdminActionDialogProps,
  BypassDialog,
  EndBypassDialog,
  ResetMfaDialog,
} from './ActionDialogs.js';
export { AuditLog, type AuditLogProps } from './AuditLog.js';
export { ComplianceEvidenceExport, type ComplianceEvidenceExportProps } from './ComplianceEvidenceExport.js';
export { MfaAdminConsole, type MfaAdminConsoleProps } from './MfaAdminConsole.js';
export { type AdoptionSnapshot, MfaAdoptionChart, type MfaAdoptionChartProps } from './MfaAdoptionChart.js';
export { PoolMfaSettings, type PoolMfaSettingsProps } from './PoolMfaSettings.js';
export { UserMfaTable, type UserMfaTableProps } from './UserMfaTable.js';
