import type { Messages } from './en.js';

export const es: Messages = {
  'common.continue': 'Continuar',
  'common.cancel': 'Cancelar',
  'common.retry': 'Reintentar',
  'common.loading': 'Cargando…',
  'common.verify': 'Verificar',
  'common.back': 'Atrás',
  'common.close': 'Cerrar',

  'codeInput.label': 'Código de verificación',
  'codeInput.description': 'Introduce el código de {length} dígitos.',
  'codeInput.slotsLabel': '{filled} de {length} dígitos introducidos',

  'totpSetup.title': 'Configura tu aplicación de autenticación',
  'totpSetup.intro':
    'Usa una aplicación como Google Authenticator, Microsoft Authenticator, Authy o 1Password.',
  'totpSetup.loading': 'Preparando tu clave de configuración…',
  'totpSetup.scanStep': 'Escanea este código QR con tu aplicación de autenticación.',
  'totpSetup.qrLabel': 'Código QR para añadir {issuer} ({account}) a tu aplicación de autenticación',
  'totpSetup.manualToggle': '¿No puedes escanearlo? Introduce una clave de configuración',
  'totpSetup.manualHide': 'Ocultar la clave de configuración',
  'totpSetup.manualIntro':
    'En tu aplicación, elige introducir una clave de configuración y escribe esta clave.',
  'totpSetup.keyLabel': 'Clave de configuración',
  'totpSetup.issuerLabel': 'Emisor',
  'totpSetup.accountLabel': 'Cuenta',
  'totpSetup.typeLabel': 'Tipo',
  'totpSetup.typeValue': 'Basado en tiempo (TOTP), 6 dígitos, cada 30 segundos',
  'totpSetup.copyKey': 'Copiar clave',
  'totpSetup.copied': 'Clave de configuración copiada.',
  'totpSetup.copyFailed': 'No se ha podido copiar. La clave está seleccionada: cópiala tú.',
  'totpSetup.codeStep': 'Introduce el código de 6 dígitos que muestra tu aplicación.',
  'totpSetup.deviceNameLabel': 'Nombre de este autenticador (opcional)',
  'totpSetup.verify': 'Verificar y activar',
  'totpSetup.verifying': 'Verificando…',
  'totpSetup.replaceWarning':
    'Ya usas una aplicación de autenticación. Cuando verifiques esta, los códigos de la anterior dejarán de funcionar.',
  'totpSetup.wrongCode':
    'El código no coincide. Comprueba que tu dispositivo ajusta la hora automáticamente e introduce el código más reciente: cambian cada 30 segundos.',
  'totpSetup.sessionExpired':
    'Tu sesión de configuración ha caducado. Empieza de nuevo para obtener una clave nueva.',
  'totpSetup.startOver': 'Empezar de nuevo',
  'totpSetup.success':
    'Tu aplicación de autenticación está configurada. Se te pedirá un código al iniciar sesión.',

  'error.codeMismatch': 'El código no es correcto. Compruébalo e inténtalo de nuevo.',
  'error.codeExpired': 'El código ha caducado. Solicita uno nuevo e inténtalo de nuevo.',
  'error.sessionExpired':
    'Tu sesión de inicio de sesión ha caducado. Empieza de nuevo para obtener una nueva.',
  'error.lockedOut': 'Demasiados intentos fallidos. Espera un poco antes de volver a intentarlo.',
  'error.tooManyRequests': 'Demasiadas solicitudes. Espera un momento e inténtalo de nuevo.',
  'error.notAuthorized': 'Nombre de usuario o contraseña incorrectos.',
  'error.alreadySignedIn': 'Ya has iniciado sesión. Cierra la sesión para entrar con otra cuenta.',
  'error.signedOut': 'Has cerrado la sesión. Inicia sesión para continuar.',
  'error.totpSetupFailed':
    'El código no se ha podido verificar. Revisa la hora de tu dispositivo e introduce el código más reciente.',
  'error.passwordResetRequired': 'Debes restablecer tu contraseña antes de iniciar sesión.',
  'error.userNotConfirmed': 'Tu cuenta aún no está confirmada.',
  'error.invalidParameter':
    'Parte de la información enviada no se ha aceptado. Revísala e inténtalo de nuevo.',
  'error.network': 'No hemos podido contactar con el servidor. Comprueba tu conexión e inténtalo de nuevo.',
  'error.unknown': 'Algo ha salido mal. Inténtalo de nuevo.',
};
