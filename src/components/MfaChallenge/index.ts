export type { CodeFields, CodeFieldText } from './ChallengeSteps.js';
export { MfaChallenge, type MfaChallengeProps } from './MfaChallenge.js';
