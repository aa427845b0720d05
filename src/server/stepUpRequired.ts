/**
 * The RFC 9470 answer asking the client to step up: 401 with
 * `WWW-Authenticate: Bearer error="insufficient_user_authentication", max_age="…"`.
 * `stepUpFetch` in mfa-kit prompts on it and retries once with the proof.
 */
export function stepUpRequired(
  maxAgeSeconds: number,
  description = 'A recent multi-factor authentication is required.',
): Response {
  const quoted = description.replace(/["\\]/g, '\\$&');
  return new Response(
    JSON.stringify({ error: 'insufficient_user_authentication', error_description: description }),
    {
      status: 401,
      headers: {
        'Content-Type': 'application/json',
        'WWW-Authenticate': `Bearer error="insufficient_user_authentication", error_description="${quoted}", max_age="${Math.floor(maxAgeSeconds)}"`,
      },
    },
  );
}
