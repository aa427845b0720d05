import type { Catalog } from 'mfa-kit';
import { ar } from 'mfa-kit/locales/ar';
import { de } from 'mfa-kit/locales/de';
import { es } from 'mfa-kit/locales/es';

/**
 * Every catalog, for the Storybook locale toolbar. An app imports only the ones it ships; English is
 * built in. Nested providers in stories (same locale) keep the decorator's catalog.
 */
export const catalogs: Record<string, Catalog | undefined> = { es, de, ar };
