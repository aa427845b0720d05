import type { Messages } from './en.js';

export const ar: Messages = {
  'common.continue': 'متابعة',
  'common.cancel': 'إلغاء',
  'common.retry': 'إعادة المحاولة',
  'common.loading': 'جارٍ التحميل…',
  'common.verify': 'تحقق',
  'common.back': 'رجوع',
  'common.close': 'إغلاق',

  'codeInput.label': 'رمز التحقق',
  'codeInput.description': 'أدخل الرمز المكوّن من {length} أرقام.',
  'codeInput.slotsLabel': 'تم إدخال {filled} من {length} أرقام',

  'error.codeMismatch': 'الرمز غير صحيح. تحقّق منه وحاول مرة أخرى.',
  'error.codeExpired': 'انتهت صلاحية الرمز. اطلب رمزًا جديدًا وحاول مرة أخرى.',
  'error.sessionExpired': 'انتهت جلسة تسجيل الدخول. ابدأ من جديد للحصول على جلسة جديدة.',
  'error.lockedOut': 'محاولات فاشلة كثيرة. انتظر قليلًا قبل المحاولة مرة أخرى.',
  'error.tooManyRequests': 'طلبات كثيرة جدًا. انتظر لحظة وحاول مرة أخرى.',
  'error.notAuthorized': 'اسم المستخدم أو كلمة المرور غير صحيحة.',
  'error.alreadySignedIn': 'أنت مسجّل الدخول بالفعل. سجّل الخروج أولًا لاستخدام حساب آخر.',
  'error.signedOut': 'لقد سجّلت الخروج. سجّل الدخول للمتابعة.',
  'error.totpSetupFailed': 'تعذّر التحقق من الرمز. تحقّق من ساعة جهازك وأدخل أحدث رمز.',
  'error.passwordResetRequired': 'يجب إعادة تعيين كلمة المرور قبل تسجيل الدخول.',
  'error.userNotConfirmed': 'لم يتم تأكيد حسابك بعد.',
  'error.invalidParameter': 'لم يتم قبول بعض المعلومات المرسلة. تحقّق منها وحاول مرة أخرى.',
  'error.network': 'تعذّر الوصول إلى الخادم. تحقّق من اتصالك وحاول مرة أخرى.',
  'error.unknown': 'حدث خطأ ما. حاول مرة أخرى.',
};
