import { describe, expect, it } from 'vitest';
import { parseBearerChallenge, stepUpRequirementFrom } from '../../src/core/rfc9470';

/** Issue 21: the WWW-Authenticate variants a resource server may send (RFC 9470, RFC 6750, RFC 9110). */
const challenge = (params: string) => `Bearer error="insufficient_user_authentication"${params}`;

describe('parseBearerChallenge', () => {
  it('reads the Bearer challenge after another scheme, in any letter case', () => {
    expect(parseBearerChallenge('Basic realm="x", bearer error="e", max_age=60')).toEqual({
      error: 'e',
      max_age: '60',
    });
    expect(parseBearerChallenge('  BEARER ERROR="e"  ')).toEqual({ error: 'e' });
  });

  it('gives no params for a bare Bearer, and nothing for a scheme that only starts with Bearer', () => {
    expect(parseBearerChallenge('Bearer')).toEqual({});
    expect(parseBearerChallenge('Bearerx error="e"')).toBeUndefined();
    expect(parseBearerChallenge('Basic realm="x"')).toBeUndefined();
    expect(parseBearerChallenge('NotBearer error="e"')).toBeUndefined();
  });

  it('reads quoted values with commas, spaces and escapes, and tokens up to a comma or space', () => {
    expect(
      parseBearerChallenge(
        'Bearer realm="a, b", error_description="say \\"hi\\" \\\\ ok",max_age=300,x-y_z=1',
      ),
    ).toEqual({ realm: 'a, b', error_description: 'say "hi" \\ ok', max_age: '300', 'x-y_z': '1' });
    expect(parseBearerChallenge('Bearer error = "e" , scope=a')).toEqual({ error: 'e', scope: 'a' });
  });
});

describe('stepUpRequirementFrom', () => {
  it('asks only on a 401 with the insufficient_user_authentication error', () => {
    expect(stepUpRequirementFrom(401, challenge(''))).toEqual({ maxAge: undefined, acrValues: undefined });
    expect(stepUpRequirementFrom(403, challenge(''))).toBeUndefined();
    expect(stepUpRequirementFrom(401, null)).toBeUndefined();
    expect(stepUpRequirementFrom(401, '')).toBeUndefined();
    expect(stepUpRequirementFrom(401, 'Bearer error="invalid_token"')).toBeUndefined();
    expect(stepUpRequirementFrom(401, 'Basic realm="x"')).toBeUndefined();
  });

  it('takes max_age quoted or not, including 0, and drops a negative or non-numeric one', () => {
    expect(stepUpRequirementFrom(401, challenge(', max_age="300"'))?.maxAge).toBe(300);
    expect(stepUpRequirementFrom(401, challenge(', max_age=0'))?.maxAge).toBe(0);
    expect(stepUpRequirementFrom(401, challenge(', max_age="-1"'))?.maxAge).toBeUndefined();
    expect(stepUpRequirementFrom(401, challenge(', max_age="soon"'))?.maxAge).toBeUndefined();
    expect(stepUpRequirementFrom(401, challenge(', max_age="Infinity"'))?.maxAge).toBeUndefined();
  });

  it('splits acr_values on any whitespace and ignores an empty one', () => {
    expect(stepUpRequirementFrom(401, challenge(', acr_values="  urn:a   urn:b "'))?.acrValues).toEqual([
      'urn:a',
      'urn:b',
    ]);
    expect(stepUpRequirementFrom(401, challenge(', acr_values=""'))?.acrValues).toBeUndefined();
  });
});
