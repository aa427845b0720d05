import type { CodeDeliveryDetails, MfaMethod } from './auth.js';

/** How the signed-in user will prove it is them for a step-up. */
export interface StepUpChallenge {
  method: MfaMethod;
  /** The verifier re-authenticates with the password too (e.g. a Cognito side session). */
  requiresPassword: boolean;
  /**
   * Ask for the password alone first and send it with `submitPassword`; its answer is the real
   * challenge (Cognito decides the factor, and sends the SMS or email, only after the password).
   */
  passwordFirst?: boolean;
  codeDeliveryDetails?: CodeDeliveryDetails;
}

/** Evidence of a fresh MFA verification, for the host's backend to check. */
export interface StepUpProof {
  /** Opaque to mfa-kit: a fresh ID token or a short-lived step-up token. */
  token: string;
  /** Epoch ms of the verification. */
  verifiedAt: number;
  method: MfaMethod;
}

/**
 * Verifies a signed-in user again with their MFA factor. `begin` rejects with an error named
 * `MfaNotEnrolledException` when the user has no factor: step-up never falls back to the password alone.
 */
export interface StepUpVerifier {
  begin(): Promise<StepUpChallenge>;
  /** For `passwordFirst` challenges: checks the password and answers which code to ask for. */
  submitPassword?(password: string): Promise<StepUpChallenge>;
  verify(input: { code: string; password?: string }): Promise<StepUpProof>;
}
