export { type AmplifyAuthClientOptions, amplifyAuthClient } from './amplifyAuthClient.js';
export { type AmplifyReauthVerifierOptions, amplifyReauthVerifier } from './amplifyReauthVerifier.js';
