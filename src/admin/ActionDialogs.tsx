import { useEffect, useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useMfaContext } from '../context/mfaContext.js';
import { isValidJustification, JUSTIFICATION_MAX_LENGTH } from '../core/adminErrors.js';
import { enAdmin } from '../i18n/enAdmin.js';
import type { AdminAdapter, AdminAuditEventType, AdminUserRow } from '../ports.js';
import { AdminDialogFrame, DialogClose } from './AdminDialog.js';
import { adminErrorKey, formatDateTime, useAdminGuard } from './adminShared.js';

export interface AdminActionDialogProps {
  adapter: AdminAdapter;
  /** The user acted on. */
  username: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** After the change is made, with the user's new row when the adapter returns one. */
  onDone?: (result: { username: string; row?: AdminUserRow; auditId?: string }) => void;
}

interface FormValues {
  justification: string;
  hours: string;
}

type Kind = 'reset' | 'bypass' | 'endBypass';

const EVENT: Record<Kind, AdminAuditEventType> = {
  reset: 'mfa_reset',
  bypass: 'mfa_bypass',
  endBypass: 'mfa_bypass_ended',
};

interface Outcome {
  auditId?: string;
  bypassUntil?: string;
}

/** The newest settled event of `type` for `username`: its id is what the admin quotes to an auditor. */
async function latestEventId(adapter: AdminAdapter, type: AdminAuditEventType, username: string) {
  try {
    const page = await adapter.getAuditLog({ type, target: username, limit: 1 });
    return page.items[0]?.id;
  } catch {
    return undefined;
  }
}

function ActionDialog({
  kind,
  adapter,
  username,
  open,
  onOpenChange,
  onDone,
}: AdminActionDialogProps & { kind: Kind }) {
  const { t, locale } = useMfaContext('MfaAdmin', enAdmin);
  const guard = useAdminGuard();
  const id = useId();
  const [failure, setFailure] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<FormValues>({ defaultValues: { justification: '', hours: '24' } });

  useEffect(() => {
    if (!open) return;
    reset({ justification: '', hours: '24' });
    setFailure(null);
    setOutcome(null);
  }, [open, reset]);
  useEffect(() => {
    if (outcome) closeRef.current?.focus();
  }, [outcome]);

  const title = t(
    kind === 'reset' ? 'admin.resetTitle' : kind === 'bypass' ? 'admin.bypassTitle' : 'admin.endBypassTitle',
    {
      user: username,
    },
  );
  const what = t(
    kind === 'reset' ? 'admin.resetWhat' : kind === 'bypass' ? 'admin.bypassWhat' : 'admin.endBypassWhat',
    {
      user: username,
    },
  );

  const submit = handleSubmit(async (values) => {
    if (isSubmitting) return;
    setFailure(null);
    try {
      let row: AdminUserRow | undefined;
      let bypassUntil: string | undefined;
      await guard(async () => {
        if (kind === 'reset')
          row = await adapter.resetUserMfa({ username, justification: values.justification });
        else if (kind === 'bypass')
          bypassUntil = (
            await adapter.bypassUserMfa({
              username,
              justification: values.justification,
              hours: Number(values.hours),
            })
          ).bypassUntil;
        else row = await adapter.endBypass({ username });
      }, title);
      const auditId = await latestEventId(adapter, EVENT[kind], username);
      setOutcome({ auditId, bypassUntil });
      onDone?.({ username, row, auditId });
    } catch (error) {
      setFailure(t(adminErrorKey(error)));
    }
  });

  const justificationError = errors.justification ? `${id}-justification-error` : undefined;
  const hoursError = errors.hours ? `${id}-hours-error` : undefined;

  return (
    <AdminDialogFrame
      open={open}
      onOpenChange={onOpenChange}
      title={title}
      description={what}
      part={`admin-${kind}-dialog`}
    >
      {outcome ? (
        <>
          <p role="status">
            {outcome.bypassUntil
              ? t('admin.doneBypass', {
                  time: formatDateTime(outcome.bypassUntil, locale),
                  id: outcome.auditId ?? '—',
                })
              : t('admin.done', { id: outcome.auditId ?? '—' })}
          </p>
          <div className="mfa-dialog__actions">
            <DialogClose asChild>
              <button ref={closeRef} type="button" className="mfa-button mfa-button--primary">
                {t('common.close')}
              </button>
            </DialogClose>
          </div>
        </>
      ) : (
        <form className="mfa-admin__form" noValidate onSubmit={submit}>
          {kind !== 'endBypass' && (
            <>
              <label htmlFor={`${id}-justification`}>{t('admin.justification')}</label>
              <p id={`${id}-justification-hint`} className="mfa-admin__hint">
                {t('admin.justificationHint')}
              </p>
              <textarea
                id={`${id}-justification`}
                rows={3}
                maxLength={JUSTIFICATION_MAX_LENGTH}
                aria-invalid={errors.justification ? true : undefined}
                aria-describedby={[`${id}-justification-hint`, justificationError].filter(Boolean).join(' ')}
                {...register('justification', { validate: (value) => isValidJustification(value) })}
              />
              {errors.justification && (
                <p id={justificationError} role="alert" className="mfa-admin__error">
                  {t('admin.justificationShort')}
                </p>
              )}
            </>
          )}
          {kind === 'bypass' && (
            <>
              <label htmlFor={`${id}-hours`}>{t('admin.hours')}</label>
              <input
                id={`${id}-hours`}
                type="number"
                inputMode="numeric"
                min={1}
                max={24}
                step={1}
                aria-invalid={errors.hours ? true : undefined}
                aria-describedby={hoursError}
                {...register('hours', {
                  validate: (value) =>
                    /^\d+$/.test(value.trim()) && Number(value) >= 1 && Number(value) <= 24,
                })}
              />
              {errors.hours && (
                <p id={hoursError} role="alert" className="mfa-admin__error">
                  {t('admin.hoursInvalid')}
                </p>
              )}
            </>
          )}
          {failure && (
            <p role="alert" className="mfa-admin__error">
              {failure}
            </p>
          )}
          <div className="mfa-dialog__actions">
            <DialogClose asChild>
              <button type="button" className="mfa-button">
                {t('common.cancel')}
              </button>
            </DialogClose>
            <button
              type="submit"
              className="mfa-button mfa-button--primary"
              aria-disabled={isSubmitting || undefined}
            >
              {isSubmitting ? t('admin.working') : t('admin.confirmAction')}
            </button>
          </div>
        </form>
      )}
    </AdminDialogFrame>
  );
}

/** Turns every MFA factor of a user off (they enrol again), after a justification and step-up. */
export function ResetMfaDialog(props: AdminActionDialogProps) {
  return <ActionDialog kind="reset" {...props} />;
}

/** Turns a user's MFA off for 1–24 hours (restored by itself), after a justification and step-up. */
export function BypassDialog(props: AdminActionDialogProps) {
  return <ActionDialog kind="bypass" {...props} />;
}

/** Ends a user's bypass now, restoring their MFA, after step-up. */
export function EndBypassDialog(props: AdminActionDialogProps) {
  return <ActionDialog kind="endBypass" {...props} />;
}
