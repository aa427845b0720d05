export { type HttpStepUpVerifierOptions, httpStepUpVerifier } from './httpStepUpVerifier.js';
