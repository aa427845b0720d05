export { type CognitoReauthVerifierOptions, cognitoReauthVerifier } from './cognitoReauthVerifier.js';
