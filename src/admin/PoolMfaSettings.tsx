import { useEffect, useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useMfaContext } from '../components/MfaProvider/index.js';
import { isValidJustification, JUSTIFICATION_MAX_LENGTH } from '../core/adminErrors.js';
import type {
  AdminAdapter,
  AdminUserRow,
  MfaMethod,
  PoolMfaChangeImpact,
  PoolMfaConfig,
  PoolMfaMode,
} from '../ports.js';
import { adminErrorKey, isForbidden, METHODS, useAdminGuard } from './adminShared.js';

export interface PoolMfaSettingsProps {
  adapter: AdminAdapter;
  /** How many users without MFA the review lists. Default 20. */
  listLimit?: number;
  /** After a change is applied. */
  onChange?: (config: PoolMfaConfig) => void;
}

const MODES: PoolMfaMode[] = ['OFF', 'OPTIONAL', 'ON'];

type Load = 'loading' | 'ready' | 'error' | 'forbidden';
interface Review {
  config: PoolMfaConfig;
  impact?: PoolMfaChangeImpact;
  withoutMfa: AdminUserRow[];
}
interface ReviewValues {
  justification: string;
  confirm: string;
}

const sameConfig = (a: PoolMfaConfig, b: PoolMfaConfig) =>
  a.mode === b.mode && a.methods.length === b.methods.length && a.methods.every((m) => b.methods.includes(m));

/**
 * The pool's MFA level (OFF / OPTIONAL / ON) and methods. A change is reviewed first: who it affects
 * (a dry run over every user), the rollout path, a typed confirmation for ON, then step-up.
 */
export function PoolMfaSettings({ adapter, listLimit = 20, onChange }: PoolMfaSettingsProps) {
  const { t } = useMfaContext('PoolMfaSettings');
  const guard = useAdminGuard();
  const id = useId();
  const [load, setLoad] = useState<Load>('loading');
  const [attempt, setAttempt] = useState(0);
  const [current, setCurrent] = useState<PoolMfaConfig | null>(null);
  const [mode, setMode] = useState<PoolMfaMode>('OFF');
  const [methods, setMethods] = useState<MfaMethod[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [review, setReview] = useState<Review | null>(null);
  const [applied, setApplied] = useState<string | null>(null);
  const reviewHeading = useRef<HTMLHeadingElement>(null);
  const form = useForm<ReviewValues>({ defaultValues: { justification: '', confirm: '' } });
  const { errors, isSubmitting } = form.formState;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the load on retry
  useEffect(() => {
    let active = true;
    setLoad('loading');
    adapter.getPoolMfaConfig().then(
      (config) => {
        if (!active) return;
        setCurrent(config);
        setMode(config.mode);
        setMethods(config.methods);
        setLoad('ready');
      },
      (error: unknown) => {
        if (active) setLoad(isForbidden(error) ? 'forbidden' : 'error');
      },
    );
    return () => {
      active = false;
    };
  }, [adapter, attempt]);

  useEffect(() => {
    if (review) reviewHeading.current?.focus();
  }, [review]);

  const levelName = (level: PoolMfaMode) => t(`admin.level${level}`);
  const methodList = (list: MfaMethod[]) =>
    list.length ? list.map((method) => t(`admin.method${method}`)).join(', ') : t('admin.methodNone');

  const startReview = async () => {
    if (!current || checking) return;
    const config: PoolMfaConfig = { mode, methods: METHODS.filter((m) => methods.includes(m)) };
    setApplied(null);
    if (sameConfig(config, current)) return setProblem(t('admin.noChange'));
    if (config.mode !== 'OFF' && config.methods.length === 0) return setProblem(t('admin.needMethod'));
    setProblem(null);
    setChecking(true);
    try {
      const dryRun = await adapter.setPoolMfaConfig({ ...config, dryRun: true });
      const withoutMfa =
        config.mode === 'ON' && (dryRun.impact?.withoutMfa ?? 0) > 0
          ? (await adapter.listUsers({ filter: { method: 'NONE' }, limit: listLimit })).items
          : [];
      form.reset({ justification: '', confirm: '' });
      setReview({ config, impact: dryRun.impact, withoutMfa });
    } catch (error) {
      setProblem(t(adminErrorKey(error)));
    } finally {
      setChecking(false);
    }
  };

  const apply = form.handleSubmit(async (values) => {
    if (!review || isSubmitting) return;
    setProblem(null);
    try {
      const result = await guard(
        () => adapter.setPoolMfaConfig({ ...review.config, justification: values.justification }),
        t('admin.reasonPool', { level: levelName(review.config.mode) }),
      );
      setCurrent(result.config);
      setReview(null);
      setApplied(t('admin.poolApplied', { level: levelName(result.config.mode) }));
      onChange?.(result.config);
    } catch (error) {
      setProblem(t(adminErrorKey(error)));
    }
  });

  if (load === 'forbidden')
    return (
      <div className="mfa-admin mfa-root">
        <p role="alert">{t('admin.forbidden')}</p>
      </div>
    );
  if (load === 'loading')
    return (
      <div className="mfa-admin mfa-root" aria-live="polite">
        <p>{t('common.loading')}</p>
      </div>
    );
  if (load === 'error' || !current)
    return (
      <div className="mfa-admin mfa-root" role="alert">
        <p>{t('admin.loadFailed')}</p>
        <button type="button" className="mfa-button" onClick={() => setAttempt((n) => n + 1)}>
          {t('common.retry')}
        </button>
      </div>
    );

  const impact = review?.impact;
  const word = t('admin.confirmWord');
  const needsTyping = review?.config.mode === 'ON';

  return (
    <div className="mfa-admin mfa-root" data-mfa-part="pool-settings">
      <p>
        {t('admin.currentConfig', { level: levelName(current.mode), methods: methodList(current.methods) })}
      </p>
      {!review ? (
        <div className="mfa-admin__form">
          <fieldset>
            <legend>{t('admin.level')}</legend>
            {MODES.map((level) => (
              <label key={level} className="mfa-admin__choice">
                <input
                  type="radio"
                  name={`${id}-mode`}
                  checked={mode === level}
                  onChange={() => setMode(level)}
                />
                {levelName(level)}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('admin.methods')}</legend>
            {METHODS.map((method) => (
              <label key={method} className="mfa-admin__choice">
                <input
                  type="checkbox"
                  checked={methods.includes(method)}
                  onChange={(event) =>
                    setMethods((list) =>
                      event.target.checked ? [...list, method] : list.filter((m) => m !== method),
                    )
                  }
                />
                {t(`admin.method${method}`)}
              </label>
            ))}
          </fieldset>
          <button
            type="button"
            className="mfa-button mfa-button--primary"
            onClick={() => void startReview()}
            aria-disabled={checking || undefined}
          >
            {checking ? t('admin.checkingImpact') : t('admin.review')}
          </button>
        </div>
      ) : (
        <form className="mfa-admin__form" noValidate onSubmit={apply} aria-labelledby={`${id}-review`}>
          <h3 id={`${id}-review`} ref={reviewHeading} tabIndex={-1}>
            {levelName(review.config.mode)} · {methodList(review.config.methods)}
          </h3>
          {impact && (
            <div className="mfa-admin__impact">
              {review.config.mode === 'ON' && impact.withoutMfa > 0 && (
                <p>{t('admin.impactSetup', { count: impact.withoutMfa })}</p>
              )}
              {review.config.mode === 'ON' && impact.lockedOut > 0 && (
                <p className="mfa-admin__warning">{t('admin.impactLocked', { count: impact.lockedOut })}</p>
              )}
              {review.config.mode === 'OFF' && impact.losingMfa > 0 && (
                <p>{t('admin.impactLosing', { count: impact.losingMfa })}</p>
              )}
              {((review.config.mode === 'ON' && impact.withoutMfa === 0) ||
                (review.config.mode === 'OFF' && impact.losingMfa === 0) ||
                review.config.mode === 'OPTIONAL') && <p>{t('admin.impactNone')}</p>}
            </div>
          )}
          {review.withoutMfa.length > 0 && (
            <section aria-labelledby={`${id}-without`}>
              <h4 id={`${id}-without`}>{t('admin.usersWithoutMfa')}</h4>
              <ul className="mfa-admin__list">
                {review.withoutMfa.map((row) => (
                  <li key={row.username}>
                    {row.username}
                    {row.email ? ` (${row.email})` : ''}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {review.config.mode === 'ON' && (
            <section aria-labelledby={`${id}-rollout`} className="mfa-admin__guidance">
              <h4 id={`${id}-rollout`}>{t('admin.rolloutTitle')}</h4>
              <ol>
                <li>{t('admin.rolloutOptional')}</li>
                <li>{t('admin.rolloutAdmins')}</li>
                <li>{t('admin.rolloutOn')}</li>
              </ol>
            </section>
          )}
          <label htmlFor={`${id}-justification`}>{t('admin.justification')}</label>
          <p id={`${id}-justification-hint`} className="mfa-admin__hint">
            {t('admin.justificationHint')}
          </p>
          <textarea
            id={`${id}-justification`}
            rows={2}
            maxLength={JUSTIFICATION_MAX_LENGTH}
            aria-invalid={errors.justification ? true : undefined}
            aria-describedby={`${id}-justification-hint${errors.justification ? ` ${id}-justification-error` : ''}`}
            {...form.register('justification', { validate: (value) => isValidJustification(value) })}
          />
          {errors.justification && (
            <p id={`${id}-justification-error`} role="alert" className="mfa-admin__error">
              {t('admin.justificationShort')}
            </p>
          )}
          {needsTyping && (
            <>
              <label htmlFor={`${id}-confirm`}>{t('admin.typeToConfirm', { word })}</label>
              <input
                id={`${id}-confirm`}
                type="text"
                autoComplete="off"
                aria-invalid={errors.confirm ? true : undefined}
                aria-describedby={errors.confirm ? `${id}-confirm-error` : undefined}
                {...form.register('confirm', { validate: (value) => value.trim() === word })}
              />
              {errors.confirm && (
                <p id={`${id}-confirm-error`} role="alert" className="mfa-admin__error">
                  {t('admin.confirmMismatch', { word })}
                </p>
              )}
            </>
          )}
          <div className="mfa-dialog__actions">
            <button type="button" className="mfa-button" onClick={() => setReview(null)}>
              {t('common.cancel')}
            </button>
            <button
              type="submit"
              className="mfa-button mfa-button--primary"
              aria-disabled={isSubmitting || undefined}
            >
              {isSubmitting ? t('admin.applying') : t('admin.apply')}
            </button>
          </div>
        </form>
      )}
      <div aria-live="polite">{applied && <p>{applied}</p>}</div>
      {problem && (
        <p role="alert" className="mfa-admin__error">
          {problem}
        </p>
      )}
    </div>
  );
}
