// The goals of issue 14, checked on every run of the size bench (and in CI through tests/bench).
import { heavyModule } from './measure.mjs';

/** Bytes gzip -9. */
export const CODE_INPUT_BUDGET = 3 * 1024;
/** Of the Authenticator's own weight. */
export const SIGN_IN_INITIAL_RATIO = 0.25;
export const SIGN_IN_TOTAL_RATIO = 0.4;

/** Every goal with its measured value; `ok` false when one is missed. */
export function checkGoals(results) {
  const byId = Object.fromEntries(results.map((result) => [result.id, result]));
  const reference = byId.authenticator.own.total;
  const signIn = byId.signInTotp.own;
  const codeInput = byId.codeInput.own;
  const heavy = codeInput.modules.filter((id) => heavyModule.test(id));
  return [
    {
      goal: `<SignIn> + <TotpSetup> initial ≤ ${SIGN_IN_INITIAL_RATIO} × Authenticator`,
      value: (signIn.initial / reference).toFixed(3),
      ok: signIn.initial <= SIGN_IN_INITIAL_RATIO * reference,
    },
    {
      goal: `<SignIn> + <TotpSetup> all chunks ≤ ${SIGN_IN_TOTAL_RATIO} × Authenticator`,
      value: (signIn.total / reference).toFixed(3),
      ok: signIn.total <= SIGN_IN_TOTAL_RATIO * reference,
    },
    {
      goal: `<CodeInput> alone ≤ ${CODE_INPUT_BUDGET} B`,
      value: `${codeInput.total} B`,
      ok: codeInput.total <= CODE_INPUT_BUDGET,
    },
    {
      goal: '<CodeInput> alone has no qrcode.react, @radix-ui or react-hook-form module',
      value:
        heavy.length === 0 ? 'none' : [...new Set(heavy.map((id) => heavyModule.exec(id)?.[1]))].join(', '),
      ok: heavy.length === 0,
    },
  ];
}
