export { stepUpRequired } from './stepUpRequired.js';
export {
  type StepUpIdentity,
  StepUpProofError,
  type VerifyStepUpProofOptions,
  verifyStepUpProof,
} from './verifyStepUpProof.js';
