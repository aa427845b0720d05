import { MfaAdminError, type MfaAdminErrorCode } from '../../core/adminErrors.js';
import { BodyError, json, readJsonObject } from '../http.js';

export const STATUS: Record<MfaAdminErrorCode, number> = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  SELF_ACTION_FORBIDDEN: 403,
  INVALID_REQUEST: 400,
  JUSTIFICATION_REQUIRED: 400,
  USER_NOT_FOUND: 404,
  ALREADY_BYPASSED: 409,
  NOT_BYPASSED: 409,
  NO_MFA_TO_BYPASS: 409,
  BYPASS_UNAVAILABLE_POOL_MFA_ON: 409,
  RESET_UNAVAILABLE_POOL_MFA_ON: 409,
  POOL_ERROR: 502,
  NETWORK: 502,
  UNKNOWN: 500,
};

export const REQUEST_ID = /^[\w.:-]{1,128}$/;
export const METHOD_FILTERS: readonly string[] = ['TOTP', 'SMS', 'EMAIL', 'NONE'];

/** The JSON error answer for a refusal, with `www-authenticate` for 401. */
export function errorResponse(error: MfaAdminError, requestId: string): Response {
  const headers: Record<string, string> = { 'x-request-id': requestId };
  if (error.code === 'UNAUTHORIZED') headers['www-authenticate'] = 'Bearer error="invalid_token"';
  return json(
    STATUS[error.code],
    {
      error: error.code,
      message: error.message,
      ...(error.alternative ? { alternative: error.alternative } : {}),
    },
    headers,
  );
}

/** An optional ISO 8601 query parameter, normalised; 400 when it is not one. */
export const isoParam = (value: string | null, name: string): string | undefined => {
  if (value === null || value === '') return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new MfaAdminError('INVALID_REQUEST', `${name} must be an ISO 8601 time.`);
  return new Date(time).toISOString();
};

/** An optional query parameter from a fixed list; 400 for anything else. */
export function oneOf<T extends string>(
  value: string | null,
  allowed: readonly T[],
  name: string,
): T | undefined {
  if (value === null || value === '') return undefined;
  if (!(allowed as readonly string[]).includes(value))
    throw new MfaAdminError('INVALID_REQUEST', `${name} must be one of ${allowed.join(', ')}.`);
  return value as T;
}

/** The JSON object body; 400 when it is not one. */
export async function body(request: Request): Promise<Record<string, unknown>> {
  try {
    return await readJsonObject(request);
  } catch (error) {
    if (error instanceof BodyError) throw new MfaAdminError('INVALID_REQUEST', error.message);
    throw error;
  }
}
