import { useId } from 'react';
import { useMfaContext } from '../context/mfaContext.js';
import { enAdmin } from '../i18n/enAdmin.js';
import type { MfaMethod, PoolMfaMode } from '../ports.js';
import { METHODS } from './adminShared.js';

const MODES: PoolMfaMode[] = ['OFF', 'OPTIONAL', 'ON'];

/** The pool MFA level (radio buttons) and the methods it offers (checkboxes). */
export function PoolMfaChoice({
  mode,
  onMode,
  methods,
  onMethods,
}: {
  mode: PoolMfaMode;
  onMode: (mode: PoolMfaMode) => void;
  methods: MfaMethod[];
  onMethods: (methods: MfaMethod[]) => void;
}) {
  const { t } = useMfaContext('PoolMfaSettings', enAdmin);
  const id = useId();
  return (
    <>
      <fieldset>
        <legend>{t('admin.level')}</legend>
        {MODES.map((level) => (
          <label key={level} className="mfa-admin__choice">
            <input type="radio" name={`${id}-mode`} checked={mode === level} onChange={() => onMode(level)} />
            {t(`admin.level${level}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('admin.methods')}</legend>
        {METHODS.map((method) => (
          <label key={method} className="mfa-admin__choice">
            <input
              type="checkbox"
              checked={methods.includes(method)}
              onChange={(event) =>
                onMethods(event.target.checked ? [...methods, method] : methods.filter((m) => m !== method))
              }
            />
            {t(`admin.method${method}`)}
          </label>
        ))}
      </fieldset>
    </>
  );
}
