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
  // Stryker disable next-line Regex,MethodExpression: equivalent — leading blanks are skipped by \s*, trailing ones and extra spaces before the params are ignored by the param pattern.
  const match = /(?:^|,)\s*Bearer(?:\s+(.*))?$/i.exec(header.trim());
  if (!match) return undefined;
  const params: Record<string, string> = {};
  const pattern = /([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g;
  // Stryker disable next-line StringLiteral: equivalent — the key group always matches, and a default without '=' yields no params.
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
  // Stryker disable next-line ConditionalExpression: equivalent — Number(undefined) is NaN, which the finite check below drops.
  const maxAge = params.max_age === undefined ? undefined : Number(params.max_age);
  return {
    maxAge: maxAge !== undefined && Number.isFinite(maxAge) && maxAge >= 0 ? maxAge : undefined,
    // Stryker disable next-line Regex: equivalent — splitting on single blanks leaves empty strings that filter(Boolean) drops.
    acrValues: params.acr_values ? params.acr_values.split(/\s+/).filter(Boolean) : undefined,
  };
}
