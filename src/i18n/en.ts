import { enAdmin } from './enAdmin.js';
import { enChallenge } from './enChallenge.js';
import { enCore } from './enCore.js';
import { enCodeInput, enMethodPicker } from './enLeaves.js';
import { enNewPassword } from './enNewPassword.js';
import { enRecovery } from './enRecovery.js';
import { enSettings } from './enSettings.js';
import { enStepUp } from './enStepUp.js';
import { enTotpSetup } from './enTotpSetup.js';

/**
 * The whole English catalog: the source of truth for message keys (every other locale provides each
 * one). Components do not import it: <MfaProvider> carries `enCore` and each family of components
 * brings its own part (see `useMfaContext`).
 */
export const en = {
  ...enCore,
  ...enCodeInput,
  ...enMethodPicker,
  ...enChallenge,
  ...enTotpSetup,
  ...enRecovery,
  ...enNewPassword,
  ...enStepUp,
  ...enSettings,
  ...enAdmin,
} satisfies Record<string, string>;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
/** The keys every provider holds in English; the others come with their components. */
export type CoreMessageKey = keyof typeof enCore;
/** A part of the English catalog that travels with its components. */
export type EnglishMessages = Partial<Record<MessageKey, string>>;
