import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';
import { portalTheme, useMfaContext } from '../../context/mfaContext.js';
import { enRecovery } from '../../i18n/enRecovery.js';

/** "Generate new codes" behind a confirmation that says the old codes stop working. */
export function RegenerateDialog({ onConfirm, disabled }: { onConfirm: () => void; disabled: boolean }) {
  const { t, dir, theme } = useMfaContext('RecoveryCodes', enRecovery);
  const [open, setOpen] = useState(false);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <button type="button" className="mfa-button" disabled={disabled} data-mfa-part="regenerate">
          {t('recovery.regenerate')}
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="mfa-dialog__overlay" />
        <Dialog.Content
          className="mfa-dialog mfa-root"
          role="alertdialog"
          dir={dir}
          data-theme={portalTheme(theme)}
          data-mfa-part="regenerate-dialog"
        >
          <Dialog.Title className="mfa-dialog__title">{t('recovery.regenerateTitle')}</Dialog.Title>
          <Dialog.Description className="mfa-dialog__description">
            {t('recovery.regenerateWarning')}
          </Dialog.Description>
          <div className="mfa-dialog__actions">
            <Dialog.Close asChild>
              <button type="button" className="mfa-button">
                {t('common.cancel')}
              </button>
            </Dialog.Close>
            <button
              type="button"
              className="mfa-button mfa-button--primary"
              onClick={() => {
                setOpen(false);
                onConfirm();
              }}
            >
              {t('recovery.regenerateConfirm')}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
