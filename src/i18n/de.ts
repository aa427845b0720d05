import type { Messages } from './en.js';

export const de: Messages = {
  'common.continue': 'Weiter',
  'common.cancel': 'Abbrechen',
  'common.retry': 'Erneut versuchen',
  'common.loading': 'Wird geladen…',
  'common.verify': 'Bestätigen',
  'common.back': 'Zurück',
  'common.close': 'Schließen',

  'codeInput.label': 'Bestätigungscode',
  'codeInput.description': 'Gib den {length}-stelligen Code ein.',
  'codeInput.slotsLabel': '{filled} von {length} Ziffern eingegeben',

  'error.codeMismatch': 'Der Code ist nicht korrekt. Prüfe ihn und versuche es erneut.',
  'error.codeExpired': 'Der Code ist abgelaufen. Fordere einen neuen Code an und versuche es erneut.',
  'error.sessionExpired': 'Deine Anmeldesitzung ist abgelaufen. Beginne erneut, um eine neue zu erhalten.',
  'error.lockedOut': 'Zu viele Fehlversuche. Warte eine Weile, bevor du es erneut versuchst.',
  'error.tooManyRequests': 'Zu viele Anfragen. Warte einen Moment und versuche es erneut.',
  'error.notAuthorized': 'Benutzername oder Passwort ist falsch.',
  'error.alreadySignedIn':
    'Du bist bereits angemeldet. Melde dich zuerst ab, um ein anderes Konto zu verwenden.',
  'error.signedOut': 'Du bist abgemeldet. Melde dich an, um fortzufahren.',
  'error.totpSetupFailed':
    'Der Code konnte nicht bestätigt werden. Prüfe die Uhrzeit deines Geräts und gib den neuesten Code ein.',
  'error.passwordResetRequired': 'Du musst dein Passwort zurücksetzen, bevor du dich anmelden kannst.',
  'error.userNotConfirmed': 'Dein Konto ist noch nicht bestätigt.',
  'error.invalidParameter':
    'Einige der gesendeten Angaben wurden nicht akzeptiert. Prüfe sie und versuche es erneut.',
  'error.network': 'Der Server ist nicht erreichbar. Prüfe deine Verbindung und versuche es erneut.',
  'error.unknown': 'Etwas ist schiefgelaufen. Versuche es erneut.',
};
