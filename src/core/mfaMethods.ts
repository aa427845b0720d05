import type { MfaMethod } from '../ports.js';

/** Every second factor Cognito offers, in the order mfa-kit lists them. */
export const MFA_METHODS: readonly MfaMethod[] = ['TOTP', 'SMS', 'EMAIL'];
