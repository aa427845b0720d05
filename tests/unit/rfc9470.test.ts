import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBearerChallenge, stepUpRequirementFrom } from '../../src/core/rfc9470';

describe('RFC 9470 step-up challenges', () => {
  it('reads the example of RFC 9470 section 3', () => {
    expect(
      stepUpRequirementFrom(
        401,
        'Bearer error="insufficient_user_authentication", error_description="A different authentication level is required", acr_values="myACR"',
      ),
    ).toEqual({ maxAge: undefined, acrValues: ['myACR'] });
    expect(
      stepUpRequirementFrom(401, 'Bearer error="insufficient_user_authentication", max_age="5"'),
    ).toEqual({
      maxAge: 5,
      acrValues: undefined,
    });
  });

  it('ignores other statuses, other errors and other schemes', () => {
    expect(stepUpRequirementFrom(403, 'Bearer error="insufficient_user_authentication"')).toBeUndefined();
    expect(stepUpRequirementFrom(401, 'Bearer error="invalid_token"')).toBeUndefined();
    expect(stepUpRequirementFrom(401, 'Basic realm="x"')).toBeUndefined();
    expect(stepUpRequirementFrom(401, null)).toBeUndefined();
  });

  it('handles unquoted values and escaped quotes', () => {
    expect(
      parseBearerChallenge('Bearer error=insufficient_user_authentication, max_age=60, realm="a \\"b\\""'),
    ).toEqual({
      error: 'insufficient_user_authentication',
      max_age: '60',
      realm: 'a "b"',
    });
  });

  it('never throws on arbitrary headers (1000 runs)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 599 }), fc.string(), (status, header) => {
        stepUpRequirementFrom(status, header);
        stepUpRequirementFrom(status, `Bearer ${header}`);
      }),
      { numRuns: 1000 },
    );
  });
});
