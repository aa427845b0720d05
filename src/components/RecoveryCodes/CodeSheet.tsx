import { useEffect, useId, useRef, useState } from 'react';
import { useMfaContext } from '../../context/mfaContext.js';
import { enRecovery } from '../../i18n/enRecovery.js';
import { recoveryCodeFileName, recoveryCodeSheet } from './codeSheetText.js';

export interface CodeSheetProps {
  codes: string[];
  createdAt: string | undefined;
  issuer: string;
  accountName?: string;
  onSaved: () => void;
}

const printingClass = 'mfa-printing-recovery-codes';

/** A fresh set, shown once: the grid, Copy all, Download, Print, and "I have saved these codes". */
export function CodeSheet({ codes, createdAt, issuer, accountName, onSaved }: CodeSheetProps) {
  const { t, locale } = useMfaContext('RecoveryCodes', enRecovery);
  const [saved, setSaved] = useState(false);
  const [copyResult, setCopyResult] = useState<'copied' | 'failed' | undefined>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const id = useId();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(
    createdAt ? new Date(createdAt) : new Date(),
  );
  const sheet = () => recoveryCodeSheet({ codes, issuer, accountName, date, t });

  // The codes appear after an asynchronous generate: move focus to them so screen readers follow.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const copyAll = async () => {
    try {
      if (!navigator.clipboard) throw new Error('Clipboard API unavailable');
      await navigator.clipboard.writeText(sheet());
      setCopyResult('copied');
    } catch {
      const selection = window.getSelection();
      if (selection && listRef.current) selection.selectAllChildren(listRef.current);
      setCopyResult('failed');
    }
  };

  const download = () => {
    const url = URL.createObjectURL(new Blob([sheet()], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = recoveryCodeFileName(issuer);
    link.click();
    // Revoked on the next task, once the browser has started the download.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };

  const print = () => {
    // The print stylesheet shows only this sheet while the class is on <html>.
    document.documentElement.classList.add(printingClass);
    const done = () => {
      document.documentElement.classList.remove(printingClass);
      window.removeEventListener('afterprint', done);
    };
    window.addEventListener('afterprint', done);
    window.print();
  };

  return (
    <div className="mfa-recovery__sheet" data-mfa-part="code-sheet">
      <h2 ref={headingRef} tabIndex={-1} id={`${id}-title`}>
        {t('recovery.saveTitle')}
      </h2>
      <p>{t('recovery.saveIntro')}</p>
      <ol
        ref={listRef}
        className="mfa-recovery__codes"
        aria-label={t('recovery.listLabel')}
        data-mfa-part="codes"
      >
        {codes.map((code) => (
          <li key={code}>
            <code translate="no">{code}</code>
          </li>
        ))}
      </ol>
      <div className="mfa-recovery__actions" data-mfa-part="actions">
        <button type="button" className="mfa-button" onClick={copyAll}>
          {t('recovery.copyAll')}
        </button>
        <button type="button" className="mfa-button" onClick={download}>
          {t('recovery.download')}
        </button>
        <button type="button" className="mfa-button" onClick={print}>
          {t('recovery.print')}
        </button>
      </div>
      <p role="status" data-mfa-part="copy-status">
        {copyResult === 'copied'
          ? t('recovery.copied')
          : copyResult === 'failed'
            ? t('recovery.copyFailed')
            : ''}
      </p>
      <div className="mfa-recovery__confirm" data-mfa-part="confirm-saved">
        <input
          id={`${id}-saved`}
          type="checkbox"
          checked={saved}
          onChange={(event) => setSaved(event.currentTarget.checked)}
        />
        <label htmlFor={`${id}-saved`}>{t('recovery.confirmSaved')}</label>
      </div>
      <button type="button" className="mfa-button mfa-button--primary" disabled={!saved} onClick={onSaved}>
        {t('recovery.continue')}
      </button>
    </div>
  );
}
