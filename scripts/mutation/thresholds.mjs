// @ts-check
/**
 * The bars of `npm run test:mutation`, in one place: `stryker.config.mjs` takes the overall bar for
 * Stryker's `thresholds.break`, `check-thresholds.mjs` applies both bars to the JSON report. Raise
 * them freely; lowering one needs the reason in the commit message.
 */

/** Every run fails below this score over the files it mutated. */
export const OVERALL_THRESHOLD = 85;

/** Each security-critical file must score at least this much on its own. */
export const STRICT_THRESHOLD = 90;

/**
 * Files whose wrong behaviour lets an attacker in: the step-up proof check, the HTTP handlers (the
 * recovery handler and the admin handler, also once it is split into several `handler*` files), the
 * recovery service and its stores, and the recovery-code format.
 */
export const STRICT_FILES = [
  /^src\/server\/verifyStepUpProof\.ts$/,
  /^src\/server\/createMfaHandler\.ts$/,
  /^src\/server\/admin\/handler[^/]*\.ts$/,
  /^src\/server\/admin\/handlers?\//,
  /^src\/server\/recovery\//,
  /^src\/core\/recovery\.ts$/,
];
