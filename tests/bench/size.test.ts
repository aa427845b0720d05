import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODE_INPUT_BUDGET, checkGoals } from '../../scripts/bench/goals.mjs';
import { apps, heavyModule, installPackedMfaKit, measureApp } from '../../scripts/bench/measure.mjs';

// What a consumer gets: each app is built with Vite against the `npm pack` tarball of dist/.
let consumer: ReturnType<typeof installPackedMfaKit>;
beforeAll(() => {
  consumer = installPackedMfaKit();
});
afterAll(() => consumer?.dispose());

const app = (id: string) => {
  const found = apps.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no bench app ${id}`);
  return found;
};

describe('bundle weight (npm run bench, sizes only)', () => {
  it('an app with only <CodeInput> bundles no QR, dialog or form module and stays in its budget', async () => {
    const { own } = await measureApp(consumer.dir, app('codeInput'), { ownOnly: true });
    // The module list is the proof of tree-shaking: mfa-kit's own modules are there, the heavy ones not.
    expect(own.modules.some((id) => /node_modules[\\/]mfa-kit[\\/]dist[\\/]/.test(id))).toBe(true);
    expect(own.modules.filter((id) => heavyModule.test(id))).toEqual([]);
    expect(own.modules.filter((id) => /[\\/]locales[\\/]|catalog-(es|de|ar)/.test(id))).toEqual([]);
    expect(own.total).toBeLessThanOrEqual(CODE_INPUT_BUDGET);
  });

  it('sign-in reaches no dialog code, and its first download holds the password form, not the MFA steps', async () => {
    const { own } = await measureApp(consumer.dir, app('signIn'), { ownOnly: true });
    // Every chunk, loaded or not: the recovery step of sign-in shows codes without the Radix dialog.
    expect(own.modules.filter((id) => /[\\/]@radix-ui[\\/]/.test(id))).toEqual([]);
    const initial = own.initialModules.map((id) => id.replace(/.*[\\/]dist[\\/]/, ''));
    expect(initial).toContain('components/SignIn/SignIn.js');
    for (const step of ['MfaChallenge/CodeStep.js', 'TotpSetup/TotpSetup.js', 'RecoveryCodes/CodeSheet.js'])
      expect(initial.filter((id) => id.endsWith(step))).toEqual([]);
    // And the English the first download carries is the core only.
    expect(
      initial.filter((id) =>
        /i18n[\\/]en(Admin|Settings|Recovery|TotpSetup|NewPassword|StepUp|Challenge)\.js$/.test(id),
      ),
    ).toEqual([]);
  });

  it('stays within the CI limits against the Authenticator, measured in one run', async () => {
    const results = [];
    for (const each of apps) results.push(await measureApp(consumer.dir, each, { ownOnly: true }));
    const table = results.map(({ id, own }) => `${id}: ${own.initial} B initial, ${own.total} B total`);
    console.info(table.join('\n'));
    const goals = checkGoals(results);
    for (const { goal, value, ok } of goals) console.info(`${ok ? 'met' : 'MISSED'}: ${goal}: ${value}`);
    expect(goals.filter((goal) => !goal.withinLimit)).toEqual([]);
  });
});
