import {
  type AdoptionSnapshot,
  AuditLog,
  ComplianceEvidenceExport,
  MfaAdminConsole,
  MfaAdoptionChart,
  PoolMfaSettings,
  ResetMfaDialog,
  UserMfaTable,
} from 'mfa-kit/admin';
import type { CognitoSimulator } from 'mfa-kit/testing';
import { type ReactNode, useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ADMIN_SECRET, AdminSession } from './adminDemo';
import { phoneCode } from './authenticatorApp';

export type Show = 'console' | 'pool' | 'table' | 'audit' | 'reset' | 'export' | 'adoption';

export interface StoryArgs {
  show: Show;
  /** Generated users besides alice, bob, carol and dave. */
  count: number;
  as: string;
  width?: number;
  prepare?: (simulator: CognitoSimulator) => void | Promise<void>;
}

function ResetDemo({ simulator }: { simulator: CognitoSimulator }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="mfa-button" onClick={() => setOpen(true)}>
        Reset bob
      </button>
      <ResetMfaDialog adapter={simulator.admin} username="bob" open={open} onOpenChange={setOpen} />
    </>
  );
}

/** Six monthly snapshots, adoption rising towards the target (what a host keeps from scheduled exports). */
export const history: AdoptionSnapshot[] = [0.35, 0.42, 0.5, 0.58, 0.63, 0.7].map((all, month) => ({
  at: new Date(Date.UTC(2026, 4 + month, 1)).toISOString(),
  byRole: {
    '*': { withMfa: Math.round(all * 54), total: 54 },
    admin: { withMfa: 1, total: 1 },
    finance: { withMfa: Math.round(Math.min(1, all + 0.2) * 13), total: 13 },
    support: { withMfa: Math.round(all * 0.8 * 13), total: 13 },
  },
}));

export const views: Record<Show, (simulator: CognitoSimulator) => ReactNode> = {
  console: (simulator) => <MfaAdminConsole adapter={simulator.admin} tableHeight={320} />,
  pool: (simulator) => <PoolMfaSettings adapter={simulator.admin} />,
  table: (simulator) => <UserMfaTable adapter={simulator.admin} height={360} />,
  audit: (simulator) => <AuditLog adapter={simulator.admin} />,
  reset: (simulator) => <ResetDemo simulator={simulator} />,
  adoption: (simulator) => <MfaAdoptionChart adapter={simulator.admin} history={history} target={0.9} />,
  export: (simulator) => <ComplianceEvidenceExport adapter={simulator.admin} onExport={() => {}} />,
};

/** Renders `show` in an admin session on a private simulator (optionally `width` pixels wide). */
export const renderAdmin = ({ show, count, as, width, prepare }: StoryArgs) => (
  <div style={width ? { inlineSize: width } : undefined}>
    <AdminSession count={count} as={as} prepare={prepare}>
      {(simulator) => views[show](simulator)}
    </AdminSession>
  </div>
);

export const body = () => within(document.body);
export const table = (canvasElement: HTMLElement) =>
  within(canvasElement).findByRole('table', { name: 'Users and their MFA' }, { timeout: 5000 });

/** Presses Tab until `target` has focus (keyboard only), failing after `limit` presses. */
export async function tabTo(find: () => HTMLElement | null, limit = 40) {
  for (let press = 0; press < limit; press += 1) {
    const target = find();
    if (target && document.activeElement === target) return target;
    await userEvent.tab();
  }
  throw new Error('focus never reached the target');
}

export async function stepUp() {
  const prompt = await body().findByRole('dialog', { name: "Confirm it's you" });
  const code = within(prompt).getByRole('textbox', { name: 'Verification code' });
  await waitFor(() => expect(code).toHaveFocus());
  await userEvent.keyboard(phoneCode(ADMIN_SECRET));
}
