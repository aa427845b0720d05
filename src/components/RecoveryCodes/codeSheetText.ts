import type { enRecovery } from '../../i18n/enRecovery.js';
import type { MessageVars } from '../../i18n/index.js';

/** The text of the downloadable `.txt`: issuer, account, date, the codes and how they work. */
export function recoveryCodeSheet(input: {
  codes: string[];
  issuer: string;
  accountName?: string;
  date: string;
  t: (key: keyof typeof enRecovery, vars?: MessageVars) => string;
}): string {
  const { t } = input;
  const lines = [
    t('recovery.fileTitle', { issuer: input.issuer }),
    ...(input.accountName ? [t('recovery.fileAccount', { account: input.accountName })] : []),
    t('recovery.fileCreated', { date: input.date }),
    '',
    ...input.codes.map((code, index) => `${String(index + 1).padStart(2, ' ')}. ${code}`),
    '',
    t('recovery.fileHint'),
  ];
  // CRLF so Notepad on older Windows shows the lines too.
  return `${lines.join('\r\n')}\r\n`;
}

/** A file name safe on every OS: `acme-recovery-codes.txt`. */
export function recoveryCodeFileName(issuer: string): string {
  const slug = issuer
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/[\s_]+/g, '-')
    .toLowerCase();
  return `${slug || 'account'}-recovery-codes.txt`;
}
