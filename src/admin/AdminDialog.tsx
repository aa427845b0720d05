import * as Dialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import { portalTheme, useMfaContext } from '../context/mfaContext.js';

export interface AdminDialogFrameProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  /** What will happen, stated plainly: the dialog's accessible description. */
  description: string;
  part: string;
  children: ReactNode;
}

/** The Radix dialog every admin action uses, themed and directed like the provider around it. */
export function AdminDialogFrame({
  open,
  onOpenChange,
  title,
  description,
  part,
  children,
}: AdminDialogFrameProps) {
  const { dir, theme } = useMfaContext('MfaAdmin');
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="mfa-dialog__overlay" />
        <Dialog.Content
          className="mfa-dialog mfa-root"
          dir={dir}
          data-theme={portalTheme(theme)}
          data-mfa-part={part}
        >
          <Dialog.Title className="mfa-dialog__title">{title}</Dialog.Title>
          <Dialog.Description className="mfa-dialog__description">{description}</Dialog.Description>
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

export const DialogClose = Dialog.Close;
