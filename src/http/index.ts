export { type HttpAdminAdapterOptions, httpAdminAdapter } from './httpAdminAdapter.js';
export { type HttpRecoveryCodesOptions, httpRecoveryCodes } from './httpRecoveryCodes.js';
export { type HttpStepUpVerifierOptions, httpStepUpVerifier } from './httpStepUpVerifier.js';
