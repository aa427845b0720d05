// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseBearerChallenge } from '../../src/core/rfc9470';
import { stepUpRequired } from '../../src/server/stepUpRequired';

/** Issue 21: the RFC 9470 answer, read back with the client's own parser. */
describe('stepUpRequired', () => {
  it('answers 401 JSON with the challenge, a whole-second max_age and the default description', async () => {
    const response = stepUpRequired(299.9);
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/json');
    await expect(response.json()).resolves.toEqual({
      error: 'insufficient_user_authentication',
      error_description: 'A recent multi-factor authentication is required.',
    });
    expect(parseBearerChallenge(response.headers.get('www-authenticate') ?? '')).toEqual({
      error: 'insufficient_user_authentication',
      error_description: 'A recent multi-factor authentication is required.',
      max_age: '299',
    });
  });

  it('escapes quotes and backslashes of a custom description inside the header', () => {
    const response = stepUpRequired(60, 'Say "again" \\ now');
    expect(response.headers.get('www-authenticate')).toContain(
      'error_description="Say \\"again\\" \\\\ now"',
    );
    expect(parseBearerChallenge(response.headers.get('www-authenticate') ?? '')?.error_description).toBe(
      'Say "again" \\ now',
    );
  });
});
