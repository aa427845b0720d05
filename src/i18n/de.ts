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

  'totpSetup.title': 'Authenticator-App einrichten',
  'totpSetup.intro':
    'Verwende eine App wie Google Authenticator, Microsoft Authenticator, Authy oder 1Password.',
  'totpSetup.loading': 'Dein Einrichtungsschlüssel wird vorbereitet…',
  'totpSetup.scanStep': 'Scanne diesen QR-Code mit deiner Authenticator-App.',
  'totpSetup.qrLabel': 'QR-Code, um {issuer} ({account}) zu deiner Authenticator-App hinzuzufügen',
  'totpSetup.manualToggle': 'Scannen klappt nicht? Gib stattdessen einen Einrichtungsschlüssel ein',
  'totpSetup.manualHide': 'Einrichtungsschlüssel ausblenden',
  'totpSetup.manualIntro':
    'Wähle in deiner App die Eingabe eines Einrichtungsschlüssels und tippe diesen Schlüssel ein.',
  'totpSetup.keyLabel': 'Einrichtungsschlüssel',
  'totpSetup.issuerLabel': 'Aussteller',
  'totpSetup.accountLabel': 'Konto',
  'totpSetup.typeLabel': 'Typ',
  'totpSetup.typeValue': 'Zeitbasiert (TOTP), 6 Ziffern, alle 30 Sekunden',
  'totpSetup.copyKey': 'Schlüssel kopieren',
  'totpSetup.copied': 'Einrichtungsschlüssel kopiert.',
  'totpSetup.copyFailed': 'Kopieren nicht möglich. Der Schlüssel ist markiert: kopiere ihn selbst.',
  'totpSetup.codeStep': 'Gib den 6-stelligen Code aus deiner App ein.',
  'totpSetup.deviceNameLabel': 'Name für diesen Authenticator (optional)',
  'totpSetup.verify': 'Bestätigen und aktivieren',
  'totpSetup.verifying': 'Wird bestätigt…',
  'totpSetup.replaceWarning':
    'Du nutzt bereits eine Authenticator-App. Sobald diese bestätigt ist, funktionieren Codes der alten nicht mehr.',
  'totpSetup.wrongCode':
    'Der Code passt nicht. Prüfe, ob dein Gerät die Uhrzeit automatisch stellt, und gib den neuesten Code ein: Codes wechseln alle 30 Sekunden.',
  'totpSetup.sessionExpired':
    'Deine Einrichtungssitzung ist abgelaufen. Beginne erneut, um einen neuen Schlüssel zu erhalten.',
  'totpSetup.startOver': 'Neu beginnen',
  'totpSetup.success':
    'Deine Authenticator-App ist eingerichtet. Bei der Anmeldung wirst du nach einem Code gefragt.',

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
