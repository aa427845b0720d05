import type { Decorator, Preview } from '@storybook/react-vite';
import { directionOf, MfaProvider } from 'mfa-kit';
import { catalogs } from '../stories/support/catalogs';
import { demo } from '../stories/support/demo';
import 'mfa-kit/styles.css';

const withMfaProvider: Decorator = (Story, context) => {
  const locale = String(context.globals.locale ?? 'en');
  const theme = context.globals.theme === 'dark' ? 'dark' : 'light';
  return (
    <MfaProvider client={demo.client} issuer="Acme" locale={locale} catalog={catalogs[locale]} theme={theme}>
      <div
        className="mfa-root"
        data-theme={theme}
        dir={directionOf(locale)}
        lang={locale}
        style={{ padding: '1.5rem', background: 'var(--mfa-color-bg)', color: 'var(--mfa-color-text)' }}
      >
        <Story />
      </div>
    </MfaProvider>
  );
};

const preview: Preview = {
  decorators: [withMfaProvider],
  globalTypes: {
    locale: {
      description: 'Message catalog',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'es', title: 'Español' },
          { value: 'de', title: 'Deutsch' },
          { value: 'ar', title: 'العربية (RTL)' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Colour scheme',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en', theme: 'light' },
  parameters: {
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
  tags: ['autodocs'],
};

export default preview;
