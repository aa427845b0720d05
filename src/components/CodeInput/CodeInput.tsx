import {
  type ChangeEvent,
  type ClipboardEvent,
  type ComponentPropsWithoutRef,
  type CSSProperties,
  type FocusEvent,
  forwardRef,
  type KeyboardEvent,
  type MouseEvent,
  type Ref,
  type SyntheticEvent,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { normalizeCode } from '../../core/codes.js';
import { enCodeInput } from '../../i18n/enLeaves.js';
import { classNames } from '../internal/classNames.js';
import { mergeRefs } from '../internal/mergeRefs.js';
import { useControllableState } from '../internal/useControllableState.js';
import { useLeafMessages } from '../MfaProvider/index.js';

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

interface Selection {
  start: number;
  end: number;
}

/**
 * One real `<input autocomplete="one-time-code">`; the digit boxes are a picture of its value and
 * caret, hidden from assistive technology, so screen readers, password managers and SMS autofill
 * all see a plain text field. Works without `<MfaProvider>` (English, the document's direction);
 * `ref` and unknown props go to the `<input>`, with handlers composed, never replaced.
 */
export const CodeInput = forwardRef<HTMLInputElement, CodeInputProps>(function CodeInput(
  {
    length = 6,
    value: valueProp,
    defaultValue = '',
    onValueChange,
    onComplete,
    disabled = false,
    error,
    label,
    description,
    placeholder,
    autoFocus,
    name,
    id,
    className,
    inputRef,
    onChange,
    onPaste,
    onSelect,
    onKeyUp,
    onClick,
    onFocus,
    onBlur,
    'aria-describedby': extraDescribedBy,
    ...inputProps
  },
  forwardedRef,
) {
  const { t, dir } = useLeafMessages(enCodeInput);
  const generatedId = useId();
  const inputId = id ?? `${generatedId}-input`;
  const descriptionId = `${generatedId}-description`;
  const errorId = `${generatedId}-error`;
  const ownRef = useRef<HTMLInputElement>(null);
  // One callback across renders: a new one would call the host's ref with null, then the element,
  // on every keystroke.
  const ref = useMemo(() => mergeRefs(ownRef, inputRef, forwardedRef), [inputRef, forwardedRef]);
  const [value, setValue] = useControllableState({
    value: valueProp === undefined ? undefined : normalizeCode(valueProp, length),
    defaultValue: normalizeCode(defaultValue, length),
    onChange: onValueChange,
  });
  const [focused, setFocused] = useState(false);
  const [selection, setSelection] = useState<Selection>({ start: value.length, end: value.length });
  const completedRef = useRef<string | null>(null);

  const isComplete = value.length === length;
  useEffect(() => {
    if (!isComplete) {
      completedRef.current = null;
      return;
    }
    if (completedRef.current === value) return;
    completedRef.current = value;
    onComplete?.(value);
  }, [isComplete, value, onComplete]);

  const syncSelection = (event: SyntheticEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    setSelection({ start: input.selectionStart ?? value.length, end: input.selectionEnd ?? value.length });
  };

  const update = (next: string, input: HTMLInputElement) => {
    setValue(next);
    const caret = Math.min(input.selectionStart ?? next.length, next.length);
    setSelection({ start: caret, end: caret });
  };

  const handleChange = (event: ChangeEvent<HTMLInputElement>) => {
    onChange?.(event);
    update(normalizeCode(event.currentTarget.value, length), event.currentTarget);
  };

  // A paste replaces the selection with the pasted digits only, so "123 456" fits a 6-slot field.
  const handlePaste = (event: ClipboardEvent<HTMLInputElement>) => {
    onPaste?.(event);
    if (event.defaultPrevented) return;
    const input = event.currentTarget;
    event.preventDefault();
    const start = input.selectionStart ?? value.length;
    const end = input.selectionEnd ?? value.length;
    const pasted = normalizeCode(event.clipboardData.getData('text'));
    const next = normalizeCode(value.slice(0, start) + pasted + value.slice(end), length);
    setValue(next);
    const caret = Math.min(start + pasted.length, next.length);
    input.value = next;
    input.setSelectionRange(caret, caret);
    setSelection({ start: caret, end: caret });
  };

  const describedBy = [descriptionId, error ? errorId : undefined, extraDescribedBy]
    .filter(Boolean)
    .join(' ');
  const state = value.length === 0 ? 'empty' : isComplete ? 'complete' : 'partial';
  const status = disabled ? 'disabled' : error ? 'error' : 'idle';

  return (
    <div
      className={classNames('mfa-code-input', className)}
      data-mfa-part="code-input"
      data-state={state}
      data-status={status}
      dir={dir}
    >
      <label className="mfa-code-input__label" data-mfa-part="label" htmlFor={inputId}>
        {label ?? t('codeInput.label')}
      </label>
      <p className="mfa-code-input__description" data-mfa-part="description" id={descriptionId}>
        {description ?? t('codeInput.description', { length })}
      </p>
      <div className="mfa-code-input__field" data-mfa-part="field">
        <input
          {...inputProps}
          ref={ref}
          id={inputId}
          className="mfa-code-input__input"
          data-mfa-part="input"
          name={name}
          placeholder={placeholder}
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern={`\\d{${length}}`}
          maxLength={length}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          // Digits read left to right in every locale, as on the phone that shows the code.
          dir="ltr"
          value={value}
          disabled={disabled}
          // Opt-in only: a host shows the code step right after the user asked for it.
          // biome-ignore lint/a11y/noAutofocus: the caller decides; off by default
          autoFocus={autoFocus}
          aria-invalid={error ? true : inputProps['aria-invalid']}
          aria-describedby={describedBy}
          onChange={handleChange}
          onPaste={handlePaste}
          onSelect={(event) => {
            onSelect?.(event);
            syncSelection(event);
          }}
          onKeyUp={(event: KeyboardEvent<HTMLInputElement>) => {
            onKeyUp?.(event);
            syncSelection(event);
          }}
          onClick={(event: MouseEvent<HTMLInputElement>) => {
            onClick?.(event);
            syncSelection(event);
          }}
          onFocus={(event: FocusEvent<HTMLInputElement>) => {
            onFocus?.(event);
            setFocused(true);
            syncSelection(event);
          }}
          onBlur={(event: FocusEvent<HTMLInputElement>) => {
            onBlur?.(event);
            setFocused(false);
          }}
        />
        <div
          className="mfa-code-input__slots"
          data-mfa-part="slots"
          aria-hidden="true"
          dir="ltr"
          style={{ '--mfa-code-length': length } as CSSProperties}
        >
          {Array.from({ length }, (_, index) => (
            <CodeSlot
              // Slots are positions, not list items: the index is their identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: fixed positional slots
              key={index}
              char={value[index]}
              placeholder={placeholder?.[index]}
              active={focused && isSlotActive(index, selection, length)}
              // The caret stays in the DOM when focus leaves and CSS hides it: removing a node during
              // blur (focus briefly on <body>) makes Radix's focus scope pull focus back to a dialog's
              // frame, trapping Tab (measured in Chromium: Tab from the field landed on the dialog).
              caret={selection.start === selection.end && selection.start === index}
              focused={focused}
            />
          ))}
        </div>
      </div>
      <p
        className="mfa-code-input__error"
        data-mfa-part="error"
        id={errorId}
        role="alert"
        aria-live="assertive"
      >
        {error}
      </p>
    </div>
  );
});

function isSlotActive(index: number, selection: Selection, length: number): boolean {
  if (selection.start !== selection.end) return index >= selection.start && index < selection.end;
  // With the caret after the last digit of a full code, the last slot stays highlighted.
  return index === Math.min(selection.start, length - 1);
}

function CodeSlot({
  char,
  placeholder,
  active,
  caret,
  focused,
}: {
  char: string | undefined;
  placeholder: string | undefined;
  active: boolean;
  caret: boolean;
  focused: boolean;
}) {
  // The placeholder gives way to the caret only while the field has focus (the caret is hidden otherwise).
  const showPlaceholder = !char && placeholder !== undefined && !(caret && focused);
  return (
    <div
      className="mfa-code-input__slot"
      data-mfa-part="slot"
      data-active={active ? '' : undefined}
      data-filled={char ? '' : undefined}
      data-placeholder={showPlaceholder ? '' : undefined}
    >
      {char ?? (showPlaceholder ? placeholder : '')}
      {caret && !char ? <span className="mfa-code-input__caret" data-mfa-part="caret" /> : null}
    </div>
  );
}
