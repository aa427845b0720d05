export { type AmplifyAuthClientOptions, amplifyAuthClient } from './amplifyAuthClient.js';
