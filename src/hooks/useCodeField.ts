import { useEffect, useRef, useState } from 'react';
import { CODE_LENGTH, isWrongCode } from '../core/codeRules.js';
import type { MfaError } from '../core/errors.js';

export interface CodeField {
  /** Spread on `<CodeInput>`: the typed code, its setter, its length and the ref to focus. */
  inputProps: {
    value: string;
    onValueChange(code: string): void;
    length: number;
    inputRef: { current: HTMLInputElement | null };
  };
  code: string;
  /** All digits are in: the form may be submitted. */
  complete: boolean;
  /** Empties the field (a prompt that closed). */
  clear(): void;
}

/**
 * The behaviour every code step shares: after a wrong code the field is cleared and focused for the
 * next one; any other error (network, throttling) keeps the digits for the retry.
 */
export function useCodeField(error: MfaError | undefined): CodeField {
  const [code, setCode] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!isWrongCode(error)) return;
    setCode('');
    inputRef.current?.focus();
  }, [error]);
  return {
    inputProps: { value: code, onValueChange: setCode, length: CODE_LENGTH, inputRef },
    code,
    complete: code.length === CODE_LENGTH,
    clear: () => setCode(''),
  };
}
