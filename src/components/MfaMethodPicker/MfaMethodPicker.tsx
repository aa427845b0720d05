import { type ComponentPropsWithoutRef, forwardRef, useId } from 'react';
import { useLeafMessages } from '../../context/mfaContext.js';
import { enMethodPicker } from '../../i18n/enLeaves.js';
import type { MfaMethod } from '../../ports.js';
import { classNames } from '../internal/classNames.js';
import { useControllableState } from '../internal/useControllableState.js';
import { MethodIcon } from './MethodIcon.js';

/** Unknown DOM props (aria-*, data-*, id, style…) go to the `<fieldset>`. */
export interface MfaMethodPickerProps
  extends Omit<ComponentPropsWithoutRef<'fieldset'>, 'onChange' | 'defaultValue' | 'children' | 'dir'> {
  /** The methods offered, in this order. */
  methods: MfaMethod[];
  /** Controlled selection. */
  value?: MfaMethod;
  /** Initial selection when uncontrolled. */
  defaultValue?: MfaMethod;
  /** Called with the method the user selects. */
  onValueChange?: (method: MfaMethod) => void;
  /** Visible legend; defaults to "Verification method". */
  label?: string;
  disabled?: boolean;
  className?: string;
}

type MethodKey = keyof typeof enMethodPicker;

const methodText: Record<MfaMethod, { label: MethodKey; description: MethodKey; note: MethodKey }> = {
  TOTP: { label: 'methods.totp', description: 'methods.totpDescription', note: 'methods.totpNote' },
  SMS: { label: 'methods.sms', description: 'methods.smsDescription', note: 'methods.smsNote' },
  EMAIL: { label: 'methods.email', description: 'methods.emailDescription', note: 'methods.emailNote' },
};

/**
 * A radio group of MFA methods (arrow keys move between them), each with what it is and how safe it
 * is. Works without `<MfaProvider>` (English, the document's direction); like Radix's RadioGroup,
 * `ref` and unknown props go to the group's root, the `<fieldset>`.
 */
export const MfaMethodPicker = forwardRef<HTMLFieldSetElement, MfaMethodPickerProps>(function MfaMethodPicker(
  { methods, value, defaultValue, onValueChange, label, disabled, className, ...fieldsetProps },
  ref,
) {
  const { t, dir } = useLeafMessages(enMethodPicker);
  const name = useId();
  const [selected, setSelected] = useControllableState<MfaMethod | undefined>({
    value,
    defaultValue,
    onChange: (next) => next && onValueChange?.(next),
  });
  return (
    <fieldset
      {...fieldsetProps}
      ref={ref}
      className={classNames('mfa-methods', className)}
      data-mfa-part="method-picker"
      dir={dir}
      disabled={disabled}
    >
      <legend data-mfa-part="legend">{label ?? t('methods.label')}</legend>
      {methods.map((method) => {
        const text = methodText[method];
        const id = `${name}-${method}`;
        return (
          <div
            key={method}
            className="mfa-methods__option"
            data-mfa-part="method"
            data-state={selected === method ? 'checked' : 'unchecked'}
          >
            <input
              type="radio"
              id={id}
              name={name}
              value={method}
              checked={selected === method}
              onChange={() => setSelected(method)}
              aria-describedby={`${id}-description ${id}-note`}
            />
            <MethodIcon method={method} />
            <label htmlFor={id}>{t(text.label)}</label>
            <p id={`${id}-description`} className="mfa-methods__description">
              {t(text.description)}
            </p>
            <p id={`${id}-note`} className="mfa-methods__note" data-method={method}>
              {t(text.note)}
            </p>
          </div>
        );
      })}
    </fieldset>
  );
});
