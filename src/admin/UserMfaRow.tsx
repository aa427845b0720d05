import { useMfaContext } from '../context/mfaContext.js';
import { enAdmin } from '../i18n/enAdmin.js';
import type { AdminUserRow, MfaMethod } from '../ports.js';
import { formatDateTime } from './adminShared.js';

const DAY_MS = 86_400_000;

/** A row action the table opens a dialog for. */
export type UserMfaAction = { kind: 'reset' | 'bypass' | 'endBypass'; username: string };

/** Compliance, with the days of grace left or the end of the bypass. */
export function StatusBadge({ row }: { row: AdminUserRow }) {
  const { t, locale } = useMfaContext('UserMfaTable', enAdmin);
  let detail = '';
  if (row.compliance === 'in_grace' && row.graceUntil) {
    const days = Math.max(0, Math.ceil((Date.parse(row.graceUntil) - Date.now()) / DAY_MS));
    detail = t('admin.graceLeft', { count: days });
  } else if (row.compliance === 'bypassed' && row.bypassUntil) {
    detail = t('admin.bypassedUntil', { time: formatDateTime(row.bypassUntil, locale) });
  }
  return (
    <span className="mfa-admin__badge" data-status={row.compliance}>
      {t(`admin.status${row.compliance}`)}
      {detail && <span className="mfa-admin__badge-detail"> · {detail}</span>}
    </span>
  );
}

/** One user: name and e-mail, roles, methods, status and the actions that apply to them. */
export function UserMfaRow({
  row,
  rowIndex,
  height,
  onAction,
}: {
  row: AdminUserRow;
  /** `aria-rowindex` (the header row is 1). */
  rowIndex: number;
  height: number;
  onAction: (action: UserMfaAction) => void;
}) {
  const { t } = useMfaContext('UserMfaTable', enAdmin);
  const methodName = (method: MfaMethod) => t(`admin.method${method}`);
  return (
    <tr aria-rowindex={rowIndex} style={{ height }}>
      <td>
        <span className="mfa-admin__name">{row.username}</span>
        {row.email && <span className="mfa-admin__sub">{row.email}</span>}
      </td>
      <td>{row.groups.join(', ')}</td>
      <td>{row.methods.length ? row.methods.map(methodName).join(', ') : t('admin.methodNone')}</td>
      <td>
        <StatusBadge row={row} />
      </td>
      <td className="mfa-admin__actions">
        <button
          type="button"
          className="mfa-button"
          aria-label={t('admin.actionFor', { action: t('admin.resetMfa'), user: row.username })}
          onClick={() => onAction({ kind: 'reset', username: row.username })}
        >
          {t('admin.resetMfa')}
        </button>
        {row.compliance === 'bypassed' ? (
          <button
            type="button"
            className="mfa-button"
            aria-label={t('admin.actionFor', {
              action: t('admin.endBypass'),
              user: row.username,
            })}
            onClick={() => onAction({ kind: 'endBypass', username: row.username })}
          >
            {t('admin.endBypass')}
          </button>
        ) : (
          row.methods.length > 0 && (
            <button
              type="button"
              className="mfa-button"
              aria-label={t('admin.actionFor', { action: t('admin.bypass'), user: row.username })}
              onClick={() => onAction({ kind: 'bypass', username: row.username })}
            >
              {t('admin.bypass')}
            </button>
          )
        )}
      </td>
    </tr>
  );
}
