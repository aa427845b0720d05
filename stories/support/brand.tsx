import type { Decorator } from '@storybook/react-vite';
import { MfaProvider, useMfa } from 'mfa-kit';
import type { ReactNode } from 'react';

/** A made-up logo: decorative (the app name beside it says the name). */
export function DemoLogo() {
  return (
    <svg viewBox="0 0 28 28" width="28" height="28" aria-hidden="true" focusable="false">
      <rect width="28" height="28" rx="7" fill="#1f5fbf" />
      <path d="M8 19 14 8l6 11h-3.2L14 13.6 11.2 19Z" fill="#ffffff" />
    </svg>
  );
}

function Branded({ children }: { children: ReactNode }) {
  // The toolbar's provider stays the source of client and locale; this one adds the brand.
  const { client, locale } = useMfa();
  return (
    <MfaProvider client={client} issuer="Acme" locale={locale} appName="Acme Cloud" logo={<DemoLogo />}>
      {children}
    </MfaProvider>
  );
}

/** Gives the story's cards the host's logo and app name (`MfaProvider` `appName` and `logo`). */
export const withBrand: Decorator = (Story) => (
  <Branded>
    <Story />
  </Branded>
);

/** Stubs the Clipboard API for a story, so "Copied" does not depend on the browser's permission. */
export function stubClipboard(): () => void {
  const original = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: { writeText: async () => undefined },
  });
  return () => {
    if (original) Object.defineProperty(navigator, 'clipboard', original);
    else Reflect.deleteProperty(navigator, 'clipboard');
  };
}
