import type { ComponentPropsWithoutRef, Ref } from 'react';

/**
 * Unknown DOM props (aria-*, data-*, form, required, handlers…) go to the real `<input>`; handlers
 * are composed with the component's own. The component keeps `type`, `inputMode`, `autoComplete`
 * ("one-time-code"), `pattern` and `maxLength` (they follow `length`); `aria-invalid` is the host's
 * unless `error` is set.
 */
export interface CodeInputProps
  extends Omit<
    ComponentPropsWithoutRef<'input'>,
    'value' | 'defaultValue' | 'type' | 'size' | 'children' | 'dir' | 'maxLength' | 'pattern'
  > {
  /** Number of digits. Cognito's TOTP, SMS and email codes have 6. */
  length?: number;
  /** Controlled value (digits only). */
  value?: string;
  /** Initial value when uncontrolled. */
  defaultValue?: string;
  /** Called with the normalised digits whenever they change. */
  onValueChange?: (value: string) => void;
  /** Called once each time the code becomes complete. */
  onComplete?: (code: string) => void;
  /** Disables typing, e.g. while the code is being verified. */
  disabled?: boolean;
  /** Error message to show and announce; marks the input invalid. */
  error?: string;
  /** Visible label; defaults to the catalog's "Verification code". */
  label?: string;
  /** Help text under the label; defaults to "Enter the 6-digit code." */
  description?: string;
  /**
   * Shown in the empty slots, one character per slot (e.g. "000000" or "······"), and set as the
   * input's `placeholder` for assistive technology.
   */
  placeholder?: string;
  autoFocus?: boolean;
  name?: string;
  id?: string;
  className?: string;
  /** Ref to the real `<input>`; the component's own `ref` points there too. */
  inputRef?: Ref<HTMLInputElement>;
}
