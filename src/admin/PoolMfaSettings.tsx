import { useEffect, useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useMfaContext } from '../context/mfaContext.js';
import { isValidJustification, JUSTIFICATION_MAX_LENGTH } from '../core/adminErrors.js';
import { enAdmin } from '../i18n/enAdmin.js';
import type { AdminAdapter, MfaMethod, PoolMfaConfig, PoolMfaMode } from '../ports.js';
import { adminErrorKey, isForbidden, METHODS, useAdminGuard } from './adminShared.js';
import { PoolMfaChoice } from './PoolMfaChoice.js';
import { PoolMfaImpact, type PoolMfaReview as Review } from './PoolMfaImpact.js';

export interface PoolMfaSettingsProps {
  adapter: AdminAdapter;
  /** How many users without MFA the review lists. Default 20. */
  listLimit?: number;
  /** After a change is applied. */
  onChange?: (config: PoolMfaConfig) => void;
}

type Load = 'loading' | 'ready' | 'error' | 'forbidden';
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
  const { t } = useMfaContext('PoolMfaSettings', enAdmin);
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

  const word = t('admin.confirmWord');
  const needsTyping = review?.config.mode === 'ON';

  return (
    <div className="mfa-admin mfa-root" data-mfa-part="pool-settings">
      <p>
        {t('admin.currentConfig', { level: levelName(current.mode), methods: methodList(current.methods) })}
      </p>
      {!review ? (
        <div className="mfa-admin__form">
          <PoolMfaChoice mode={mode} onMode={setMode} methods={methods} onMethods={setMethods} />
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
          <PoolMfaImpact review={review} />
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
