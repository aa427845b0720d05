import { render, renderHook, screen } from '@testing-library/react';
import { CodeInput, en, MfaError, MfaProvider, TotpSetup, useMfa } from 'mfa-kit';
import { ar } from 'mfa-kit/locales/ar';
import { de } from 'mfa-kit/locales/de';
import { es } from 'mfa-kit/locales/es';
import { createCognitoSimulator } from 'mfa-kit/testing';
import { describe, expect, it, vi } from 'vitest';

describe('MfaProvider', () => {
  it('tells a developer which component needs it and what to wrap', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<TotpSetup accountName="alice" />)).toThrow(
      'TotpSetup must be used within <MfaProvider>. Wrap your app (or story) in <MfaProvider client={…}>.',
    );
    expect(() => renderHook(() => useMfa())).toThrow('useMfa must be used within <MfaProvider>');
  });

  it('gives components its client, issuer, locale and direction', () => {
    const { client } = createCognitoSimulator();
    const { result } = renderHook(() => useMfa(), {
      wrapper: ({ children }) => (
        <MfaProvider client={client} issuer="Acme Corp" locale="ar" catalog={ar}>
          {children}
        </MfaProvider>
      ),
    });
    expect(result.current.client).toBe(client);
    expect(result.current.issuer).toBe('Acme Corp');
    expect(result.current.dir).toBe('rtl');
    expect(result.current.describeError(new MfaError('NETWORK'))).toBe(
      'تعذّر الوصول إلى الخادم. تحقّق من اتصالك وحاول مرة أخرى.',
    );
  });

  it('switches language and accepts message overrides', () => {
    const { client } = createCognitoSimulator();
    const { rerender } = render(
      <MfaProvider client={client} locale="de" catalog={de}>
        <CodeInput />
      </MfaProvider>,
    );
    expect(screen.getByRole('textbox', { name: 'Bestätigungscode' })).toBeInTheDocument();
    rerender(
      <MfaProvider
        client={client}
        locale="es"
        catalog={es}
        messages={{ 'codeInput.label': 'Código de Acme' }}
      >
        <CodeInput />
      </MfaProvider>,
    );
    expect(screen.getByRole('textbox', { name: 'Código de Acme' })).toHaveAccessibleDescription(
      'Introduce el código de 6 dígitos.',
    );
  });
});

describe('MfaProvider plurals', () => {
  it('formats with the catalog language for any locale tag, underscores included', () => {
    const { client } = createCognitoSimulator();
    for (const [locale, catalog, expected] of [
      ['en_US', undefined, 'You can try again in 1 second.'],
      ['fr', undefined, 'You can try again in 0 seconds.'],
      ['ar_EG', ar, 'ثانية واحدة'],
    ] as const) {
      const { result } = renderHook(() => useMfa(), {
        wrapper: ({ children }) => (
          // useMfa().t carries English for sign-in only; `messages={en}` gives it every message.
          <MfaProvider client={client} locale={locale} catalog={catalog} messages={catalog ? undefined : en}>
            {children}
          </MfaProvider>
        ),
      });
      expect(result.current.t('challenge.lockedUntil', { seconds: locale === 'fr' ? 0 : 1 })).toContain(
        expected,
      );
    }
  });
});
