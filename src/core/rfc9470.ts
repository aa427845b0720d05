/**
 * RFC 9470 (OAuth 2.0 Step Up Authentication Challenge): a resource server answers 401 with
 * `WWW-Authenticate: Bearer error="insufficient_user_authentication", max_age="300", acr_values="…"`.
 */
export interface StepUpRequirement {
  /** Seconds: the authentication must be at most this old. */
  maxAge?: number;
  acrValues?: string[];
}

/** The auth-params of the Bearer challenge, e.g. `{ error: 'insufficient_user_authentication', max_age: '300' }`. */
export function parseBearerChallenge(header: string): Record<string, string> | undefined {
  const match = /(?:^|,)\s*Bearer(?:\s+(.*))?$/i.exec(header.trim());
  if (!match) return undefined;
  const params: Record<string, string> = {};
  const pattern = /([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g;
  for (const [, key = '', quoted, token] of (match[1] ?? '').matchAll(pattern)) {
    params[key.toLowerCase()] = quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : (token ?? '');
  }
  return params;
}

/** The step-up the server asks for, or undefined when the header is not an RFC 9470 challenge. */
export function stepUpRequirementFrom(status: number, header: string | null): StepUpRequirement | undefined {
  if (status !== 401 || !header) return undefined;
  const params = parseBearerChallenge(header);
  if (params?.error !== 'insufficient_user_authentication') return undefined;
  const maxAge = params.max_age === undefined ? undefined : Number(params.max_age);
  return {
    maxAge: maxAge !== undefined && Number.isFinite(maxAge) && maxAge >= 0 ? maxAge : undefined,
    acrValues: params.acr_values ? params.acr_values.split(/\s+/).filter(Boolean) : undefined,
  };
}
