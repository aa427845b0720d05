// Makes stories screenshot the same on every run: a frozen clock and seeded randomness.
// Imported for its side effects BEFORE any story module, so simulators created at import time
// (the Storybook demo) read the frozen clock too.

/** Monday 2 March 2026, 09:00:00 UTC: every story sees this instant, and it never moves. */
export const FROZEN_NOW = Date.UTC(2026, 2, 2, 9, 0, 0);

const RealDate = Date;

/**
 * `Date` with `Date.now()` and `new Date()` stopped at FROZEN_NOW. Countdowns ("Resend in 30 s",
 * "try again in 2 seconds"), TOTP codes, lockouts and "created on" dates therefore show the same
 * text whenever the screenshot is taken. Timers (setTimeout) still run in real time.
 */
class FrozenDate extends RealDate {
  constructor(...args: unknown[]) {
    if (args.length === 0) super(FROZEN_NOW);
    else super(...(args as [string | number | Date]));
  }
  static override now(): number {
    return FROZEN_NOW;
  }
}
globalThis.Date = FrozenDate as DateConstructor;

/** mulberry32: a small seeded generator, so "random" secrets and recovery codes repeat. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let next = seeded(1);

/** Restarts the random sequence: call before each story so its secrets do not depend on the order. */
export function reseed(seed: number): void {
  next = seeded(seed);
}

Object.defineProperty(globalThis.crypto, 'getRandomValues', {
  configurable: true,
  value: <T extends ArrayBufferView | null>(array: T): T => {
    if (array) {
      const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
      for (let index = 0; index < bytes.length; index += 1) bytes[index] = Math.floor(next() * 256);
    }
    return array;
  },
});
Object.defineProperty(globalThis.crypto, 'randomUUID', {
  configurable: true,
  value: () => {
    const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16));
    hex[12] = '4';
    return `${hex.slice(0, 8).join('')}-${hex.slice(8, 12).join('')}-${hex.slice(12, 16).join('')}-${hex
      .slice(16, 20)
      .join('')}-${hex.slice(20).join('')}`;
  },
});
Math.random = () => next();
