import { useEffect, useId, useState } from 'react';
import { useMfaContext } from '../context/mfaContext.js';
import { ADOPTION_ALL, adoptionSnapshotOf } from '../core/adoption.js';
import { enAdmin } from '../i18n/enAdmin.js';
import type { AdminAdapter, AdminUserRow, AdoptionSnapshot } from '../ports.js';
import { formatDateTime, isForbidden } from './adminShared.js';

export type { AdoptionSnapshot };

export interface MfaAdoptionChartProps {
  adapter: AdminAdapter;
  /**
   * Earlier snapshots, oldest first. Default: the ones the host stored (`adapter.listAdoptionSnapshots`:
   * each compliance export and `recordAdoptionSnapshot` keep one); the chart adds today's, counted
   * from `listUsers`.
   */
  history?: AdoptionSnapshot[];
  /** The policy's target share of users with MFA, 0–1. Default 1 (everyone). */
  target?: number;
  /** Called with today's snapshot once counted, to store for the next time. */
  onSnapshot?: (snapshot: AdoptionSnapshot) => void;
}

const ALL = ADOPTION_ALL;
const WIDTH = 480;
const HEIGHT = 200;
const PAD = 32;
const DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 5'];

/** Counts today's snapshot over every page of users. */
export const snapshotOf = adoptionSnapshotOf;

const share = (entry: { withMfa: number; total: number } | undefined) =>
  entry && entry.total > 0 ? entry.withMfa / entry.total : undefined;

/**
 * Share of users with MFA over time, by role, against the policy target: plain SVG (no chart library)
 * with the same numbers in a table for screen readers and for reading exact values.
 */
export function MfaAdoptionChart({ adapter, history, target = 1, onSnapshot }: MfaAdoptionChartProps) {
  const { t, locale } = useMfaContext('MfaAdoptionChart', enAdmin);
  const id = useId();
  const [today, setToday] = useState<AdoptionSnapshot | null>(null);
  const [stored, setStored] = useState<AdoptionSnapshot[]>([]);
  const [counted, setCounted] = useState(0);
  const [load, setLoad] = useState<'loading' | 'ready' | 'error' | 'forbidden'>('loading');
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the count on retry; `history` is read once
  useEffect(() => {
    let active = true;
    setLoad('loading');
    setCounted(0);
    (async () => {
      if (!history && adapter.listAdoptionSnapshots) {
        const earlier = await adapter.listAdoptionSnapshots();
        if (!active) return;
        setStored(earlier);
      }
      const rows: AdminUserRow[] = [];
      let cursor: string | undefined;
      do {
        const page = await adapter.listUsers({ limit: 60, ...(cursor ? { cursor } : {}) });
        if (!active) return;
        rows.push(...page.items);
        setCounted(rows.length);
        cursor = page.cursor;
      } while (cursor);
      const snapshot = snapshotOf(rows, new Date().toISOString());
      setToday(snapshot);
      setLoad('ready');
      onSnapshot?.(snapshot);
    })().catch((error: unknown) => {
      if (active) setLoad(isForbidden(error) ? 'forbidden' : 'error');
    });
    return () => {
      active = false;
    };
  }, [adapter, attempt]);

  if (load === 'forbidden')
    return (
      <div className="mfa-admin mfa-root">
        <p role="alert">{t('admin.forbidden')}</p>
      </div>
    );
  if (load === 'error')
    return (
      <div className="mfa-admin mfa-root" role="alert">
        <p>{t('admin.loadFailed')}</p>
        <button type="button" className="mfa-button" onClick={() => setAttempt((n) => n + 1)}>
          {t('common.retry')}
        </button>
      </div>
    );
  if (load === 'loading' || !today)
    return (
      <div className="mfa-admin mfa-root" aria-live="polite">
        <p>{t('admin.adoptionCounting', { count: counted })}</p>
      </div>
    );

  const snapshots = [...(history ?? stored), today];
  const roles = [
    ALL,
    ...new Set(snapshots.flatMap((s) => Object.keys(s.byRole)).filter((r) => r !== ALL)),
  ].sort((a, b) => (a === ALL ? -1 : b === ALL ? 1 : a.localeCompare(b)));
  const roleName = (role: string) => (role === ALL ? t('admin.adoptionAll') : role);
  const percent = (value: number | undefined) =>
    value === undefined
      ? '—'
      : new Intl.NumberFormat(locale.replaceAll('_', '-'), { style: 'percent' }).format(value);
  const x = (index: number) =>
    PAD + (snapshots.length < 2 ? 0 : (index * (WIDTH - 2 * PAD)) / (snapshots.length - 1));
  const y = (value: number) => HEIGHT - PAD - value * (HEIGHT - 2 * PAD);
  const summary = t('admin.adoptionSummary', {
    share: percent(share(today.byRole[ALL])),
    target: percent(target),
  });

  return (
    <div className="mfa-admin mfa-root" data-mfa-part="adoption-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        className="mfa-admin__chart"
      >
        <title id={`${id}-title`}>{t('admin.adoptionTitle')}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        <line x1={PAD} x2={WIDTH - PAD} y1={y(0)} y2={y(0)} stroke="currentColor" strokeOpacity={0.4} />
        <line
          x1={PAD}
          x2={WIDTH - PAD}
          y1={y(target)}
          y2={y(target)}
          stroke="var(--mfa-color-danger)"
          strokeDasharray="4 4"
        />
        {roles.map((role, index) => {
          const stroke = role === ALL ? 'var(--mfa-color-accent)' : 'currentColor';
          const points = snapshots.flatMap((snapshot, at) => {
            const value = share(snapshot.byRole[role]);
            return value === undefined ? [] : [{ cx: x(at), cy: y(value) }];
          });
          return (
            <g key={role} stroke={stroke} fill={stroke}>
              <polyline
                points={points.map((point) => `${point.cx},${point.cy}`).join(' ')}
                fill="none"
                strokeWidth={role === ALL ? 3 : 1.5}
                strokeDasharray={DASHES[index % DASHES.length]}
              />
              {points.map((point) => (
                <circle key={point.cx} cx={point.cx} cy={point.cy} r={role === ALL ? 4 : 2.5} />
              ))}
            </g>
          );
        })}
      </svg>
      <p>{summary}</p>
      {/* A narrow screen scrolls the table sideways: the region takes focus so the keyboard can scroll it too
          (axe scrollable-region-focusable, WCAG 2.1.1). */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways must be reachable by keyboard; unnamed, so it adds no landmark */}
      <section className="mfa-admin__scroll" tabIndex={0}>
        <table>
          <caption className="mfa-admin__caption">{t('admin.adoptionTable')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.auditWhen')}</th>
              {roles.map((role) => (
                <th key={role} scope="col">
                  {roleName(role)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {snapshots.map((snapshot) => (
              <tr key={snapshot.at}>
                <th scope="row">
                  <time dateTime={snapshot.at}>{formatDateTime(snapshot.at, locale)}</time>
                </th>
                {roles.map((role) => (
                  <td key={role}>{percent(share(snapshot.byRole[role]))}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
