import {
  type ChangeEvent,
  type ClipboardEvent,
  type FocusEvent,
  forwardRef,
  type KeyboardEvent,
  type MouseEvent,
  type SyntheticEvent,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useLeafMessages } from '../../context/mfaContext.js';
import { CODE_LENGTH } from '../../core/codeRules.js';
import { normalizeCode } from '../../core/codes.js';
import { enCodeInput } from '../../i18n/enLeaves.js';
import { classNames } from '../internal/classNames.js';
import { mergeRefs } from '../internal/mergeRefs.js';
import { StatusIcon } from '../internal/StatusIcon.js';
import { useControllableState } from '../internal/useControllableState.js';
import type { CodeInputProps } from './CodeInputProps.js';
import { CodeSlots, type Selection } from './CodeSlots.js';

export type { CodeInputProps } from './CodeInputProps.js';

/**
 * One real `<input autocomplete="one-time-code">`; the digit boxes are a picture of its value and
 * caret, hidden from assistive technology, so screen readers, password managers and SMS autofill
 * all see a plain text field. Works without `<MfaProvider>` (English, the document's direction);
 * `ref` and unknown props go to the `<input>`, with handlers composed, never replaced.
 */
export const CodeInput = forwardRef<HTMLInputElement, CodeInputProps>(function CodeInput(
  {
    length = CODE_LENGTH,
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
        <CodeSlots
          length={length}
          value={value}
          placeholder={placeholder}
          selection={selection}
          focused={focused}
        />
      </div>
      <p
        className="mfa-code-input__error"
        data-mfa-part="error"
        id={errorId}
        role="alert"
        aria-live="assertive"
      >
        {error ? (
          <>
            <StatusIcon tone="error" />
            {error}
          </>
        ) : null}
      </p>
    </div>
  );
});
