import { describe, expect, it } from 'vitest';
import {
  buildOtpauthUri,
  formatSecretForDisplay,
  normalizeBase32Secret,
  parseOtpauthUri,
} from '../../src/core/otpauth';

/** Issue 21: the Key Uri Format edges — defaults, parameters in any order and case, what is refused. */
describe('buildOtpauthUri', () => {
  it('writes every parameter, with the defaults SHA1, 6 digits and 30 s', () => {
    expect(buildOtpauthUri({ issuer: 'Acme Co', accountName: 'a@b.c', secret: 'jbsw y3dp=' })).toBe(
      'otpauth://totp/Acme%20Co:a%40b.c?secret=JBSWY3DP&issuer=Acme%20Co&algorithm=SHA1&digits=6&period=30',
    );
    expect(
      buildOtpauthUri({
        issuer: 'X',
        accountName: 'y',
        secret: 'AB',
        algorithm: 'SHA512',
        digits: 8,
        period: 60,
      }),
    ).toBe('otpauth://totp/X:y?secret=AB&issuer=X&algorithm=SHA512&digits=8&period=60');
  });
});

describe('parseOtpauthUri', () => {
  it('defaults algorithm, digits and period when the URI leaves them out', () => {
    expect(parseOtpauthUri('otpauth://totp/Acme:alice?secret=jbswy3dp&issuer=Acme')).toEqual({
      issuer: 'Acme',
      accountName: 'alice',
      secret: 'JBSWY3DP',
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
    });
  });

  it('reads parameters in any order and key case, an algorithm in any case, and the scheme in any case', () => {
    expect(
      parseOtpauthUri('OTPAUTH://TOTP/Acme:alice?PERIOD=60&Digits=8&algorithm=sha256&Secret=AB&issuer=Acme'),
    ).toEqual({
      issuer: 'Acme',
      accountName: 'alice',
      secret: 'AB',
      algorithm: 'SHA256',
      digits: 8,
      period: 60,
    });
  });

  it('prefers the issuer parameter over the label prefix; without either the issuer is empty', () => {
    expect(parseOtpauthUri('otpauth://totp/Old:alice?secret=AB&issuer=New').issuer).toBe('New');
    const bare = parseOtpauthUri('otpauth://totp/alice?secret=AB');
    expect(bare.issuer).toBe('');
    expect(bare.accountName).toBe('alice');
  });

  it('decodes percent-encoded keys, values and label parts, splitting the label at its first colon', () => {
    const parsed = parseOtpauthUri('otpauth://totp/A%3AB:c%3Ad:e?%73ecret=AB&issuer=A%26B%3D');
    expect(parsed.issuer).toBe('A&B=');
    expect(parsed.accountName).toBe('c:d:e');
    // A value may itself contain '=': only the first one separates key and value.
    expect(parseOtpauthUri('otpauth://totp/x?secret=AB&issuer=a=b').issuer).toBe('a=b');
  });

  it('reads a bare issuer key as an empty issuer, not as the label prefix', () => {
    expect(parseOtpauthUri('otpauth://totp/Label:x?secret=AB&issuer').issuer).toBe('');
    expect(parseOtpauthUri('otpauth://totp/x?secret=AB&algorithm=SHA512').algorithm).toBe('SHA512');
  });

  it('skips empty pairs and reads a bare key as an empty value', () => {
    expect(parseOtpauthUri('otpauth://totp/x?&&secret=AB&&issuer&').issuer).toBe('');
    expect(() => parseOtpauthUri('otpauth://totp/x?secret')).toThrow('The URI has no valid base32 secret.');
  });

  it('refuses other schemes and types, a missing or non-base32 secret, and unknown algorithms', () => {
    expect(() => parseOtpauthUri('otpauth://hotp/x?secret=AB')).toThrow(
      new TypeError('Not an otpauth://totp/ URI.'),
    );
    expect(() => parseOtpauthUri('xotpauth://totp/x?secret=AB')).toThrow('Not an otpauth://totp/ URI.');
    expect(() => parseOtpauthUri('otpauth://totp/x')).toThrow('The URI has no valid base32 secret.');
    expect(() => parseOtpauthUri('otpauth://totp/x?secret=AB1')).toThrow(
      'The URI has no valid base32 secret.',
    );
    expect(() => parseOtpauthUri('otpauth://totp/x?secret=1AB')).toThrow(
      'The URI has no valid base32 secret.',
    );
    expect(() => parseOtpauthUri('otpauth://totp/x?secret=AB&algorithm=MD5')).toThrow(
      new TypeError('Unsupported algorithm MD5.'),
    );
  });
});

describe('secrets', () => {
  it('normalises spaces, padding, dashes and case', () => {
    expect(normalizeBase32Secret(' jb-sw\ty3 dp== ')).toBe('JBSWY3DP');
  });

  it('groups in fours with no trailing space', () => {
    expect(formatSecretForDisplay('jbswy3dpehpk3pxp')).toBe('JBSW Y3DP EHPK 3PXP');
    expect(formatSecretForDisplay('ABCDE')).toBe('ABCD E');
    expect(formatSecretForDisplay('ABCD')).toBe('ABCD');
  });
});
