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
