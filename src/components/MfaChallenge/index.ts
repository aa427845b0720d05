export { MfaChallenge, type MfaChallengeProps } from './MfaChallenge.js';
