import { useCallback, useRef, useState } from 'react';
import { useMfaContext } from '../context/mfaContext.js';
import { type MfaError, toMfaError } from '../core/errors.js';
import { type PhoneProblem, parseE164 } from '../core/phone.js';
import type { CodeDeliveryDetails, MfaPreference, UpdateMfaPreferenceInput } from '../ports.js';
import { useAsyncGuard } from './useAsyncGuard.js';

export type ContactFactor = 'SMS' | 'EMAIL';

export interface UseContactFactorSetupOptions {
  method: ContactFactor;
  /** The preference to set once the address is verified. Default 'PREFERRED'. */
  preference?: Extract<MfaPreference, 'PREFERRED' | 'ENABLED'>;
  onVerified?: () => void;
}

export type ContactFactorStatus = 'editing' | 'sending' | 'code' | 'verifying' | 'done';

export interface ContactFactorSetupApi {
  method: ContactFactor;
  status: ContactFactorStatus;
  /** The value last sent (E.164 for SMS), kept through failures. */
  value: string;
  /** Where the code went (masked). */
  destination: string | undefined;
  /** Why the typed phone number was refused, before any call. */
  phoneProblem: PhoneProblem | undefined;
  emailInvalid: boolean;
  error: MfaError | undefined;
  /** Saves the number or address (updateUserAttributes): Cognito sends a code to it. */
  submitValue(raw: string): void;
  /** Checks the code (confirmUserAttribute), then turns the factor on (updateMFAPreference). */
  submitCode(code: string): void;
  /** A new code (sendUserAttributeVerificationCode). */
  resend(): void;
  /** Back to typing a different number or address. */
  edit(): void;
  /** Repeats what failed with the same input. */
  retry(): void;
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * Turns on SMS or email MFA for the signed-in user: the phone number (E.164) or email address is
 * saved with `updateUserAttributes`, verified with the code Cognito sends (`confirmUserAttribute`),
 * then the factor is enabled with `updateMFAPreference`. Typed values survive every failure.
 */
export function useContactFactorSetup({
  method,
  preference = 'PREFERRED',
  onVerified,
}: UseContactFactorSetupOptions): ContactFactorSetupApi {
  const { client } = useMfaContext('useContactFactorSetup');
  const attribute = method === 'SMS' ? 'phone_number' : 'email';
  const [status, setStatus] = useState<ContactFactorStatus>('editing');
  const [value, setValue] = useState('');
  const [destination, setDestination] = useState<string>();
  const [phoneProblem, setPhoneProblem] = useState<PhoneProblem>();
  const [emailInvalid, setEmailInvalid] = useState(false);
  const [error, setError] = useState<MfaError>();
  const lastAction = useRef<() => void>(() => {});
  const verified = useRef(false);
  const { mounted } = useAsyncGuard();
  const onVerifiedRef = useRef(onVerified);
  onVerifiedRef.current = onVerified;

  const run = useCallback(
    async (
      busy: ContactFactorStatus,
      back: ContactFactorStatus,
      work: () => Promise<ContactFactorStatus>,
    ) => {
      setStatus(busy);
      setError(undefined);
      try {
        const next = await work();
        if (mounted.current) setStatus(next);
        if (next === 'done') onVerifiedRef.current?.();
      } catch (caught) {
        if (!mounted.current) return;
        setError(toMfaError(caught));
        setStatus(back);
      }
    },
    [mounted],
  );

  const enable = useCallback(async (): Promise<ContactFactorStatus> => {
    const input: UpdateMfaPreferenceInput = method === 'SMS' ? { sms: preference } : { email: preference };
    await client.updateMFAPreference(input);
    return 'done';
  }, [client, method, preference]);

  const sendValue = useCallback(
    (normalized: string) => {
      verified.current = false;
      setValue(normalized);
      const action = () =>
        void run('sending', 'editing', async () => {
          const output = await client.updateUserAttributes({ userAttributes: { [attribute]: normalized } });
          const step = output[attribute]?.nextStep;
          if (step?.updateAttributeStep === 'CONFIRM_ATTRIBUTE_WITH_CODE') {
            setDestination(step.codeDeliveryDetails?.destination);
            return 'code';
          }
          // The pool does not verify this attribute on change: ask for a code, so a mistyped number
          // never becomes the factor that locks the user out.
          const details = await client.sendUserAttributeVerificationCode({ userAttributeKey: attribute });
          setDestination(details.destination);
          return 'code';
        });
      lastAction.current = action;
      action();
    },
    [attribute, client, run],
  );

  const submitValue = useCallback(
    (raw: string) => {
      if (method === 'SMS') {
        const parsed = parseE164(raw);
        setPhoneProblem(parsed.ok ? undefined : parsed.problem);
        if (parsed.ok) sendValue(parsed.e164);
        return;
      }
      const email = raw.trim();
      setEmailInvalid(!EMAIL.test(email));
      if (EMAIL.test(email)) sendValue(email);
    },
    [method, sendValue],
  );

  const submitCode = useCallback(
    (code: string) => {
      const action = () =>
        void run('verifying', 'code', async () => {
          // A verified address is not verified twice when only turning the factor on failed.
          if (!verified.current) {
            await client.confirmUserAttribute({ userAttributeKey: attribute, confirmationCode: code });
            verified.current = true;
          }
          return enable();
        });
      lastAction.current = action;
      action();
    },
    [attribute, client, enable, run],
  );

  const resend = useCallback(() => {
    const action = () =>
      void run('sending', 'code', async () => {
        const details: CodeDeliveryDetails = await client.sendUserAttributeVerificationCode({
          userAttributeKey: attribute,
        });
        setDestination(details.destination);
        return 'code';
      });
    lastAction.current = action;
    action();
  }, [attribute, client, run]);

  return {
    method,
    status,
    value,
    destination,
    phoneProblem,
    emailInvalid,
    error,
    submitValue,
    submitCode,
    resend,
    edit: useCallback(() => {
      setError(undefined);
      setStatus('editing');
    }, []),
    retry: useCallback(() => lastAction.current(), []),
  };
}
