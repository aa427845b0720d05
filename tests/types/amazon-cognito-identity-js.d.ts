// The SRP primitives of amazon-cognito-identity-js, used by the test double of Cognito's SRP server.
declare module 'amazon-cognito-identity-js/lib/BigInteger.js' {
  export default class BigInteger {
    constructor(value: string, radix: number);
    static ZERO: BigInteger;
    add(other: BigInteger): BigInteger;
    multiply(other: BigInteger): BigInteger;
    mod(modulus: BigInteger): BigInteger;
    equals(other: BigInteger): boolean;
    modPow(
      exponent: BigInteger,
      modulus: BigInteger,
      callback: (error: Error | null, result: BigInteger) => void,
    ): void;
    toString(radix: number): string;
  }
}

declare module 'amazon-cognito-identity-js/lib/AuthenticationHelper.js' {
  import type BigInteger from 'amazon-cognito-identity-js/lib/BigInteger.js';
  export default class AuthenticationHelper {
    constructor(poolName: string);
    N: BigInteger;
    g: BigInteger;
    k: BigInteger;
    hash(value: string | Uint8Array): string;
    hexHash(hex: string): string;
    padHex(value: BigInteger): string;
    calculateU(A: BigInteger, B: BigInteger): BigInteger;
    computehkdf(ikm: Uint8Array, salt: Uint8Array): Uint8Array;
  }
}
