/** Response headers of `GET /compliance-export`: the file's SHA-256 and its audit event's id. */
export const EXPORT_SHA256_HEADER = 'x-mfa-export-sha256';
export const EXPORT_AUDIT_ID_HEADER = 'x-mfa-audit-id';
