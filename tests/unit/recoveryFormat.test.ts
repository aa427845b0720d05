import { describe, expect, it } from 'vitest';
import { formatRecoveryCode } from '../../src/core/recovery';

/** Issue 21: formatting leaves anything that is not a canonical code as it is. */
describe('formatRecoveryCode', () => {
  it('groups a canonical code and leaves other lengths untouched', () => {
    expect(formatRecoveryCode('ABCDE23456')).toBe('ABCDE-23456');
    expect(formatRecoveryCode('ABCDE2345')).toBe('ABCDE2345');
    expect(formatRecoveryCode('ABCDE234567')).toBe('ABCDE234567');
    expect(formatRecoveryCode('')).toBe('');
  });
});
