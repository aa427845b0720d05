export { isStepUpCancelled, StepUpCancelledError } from './StepUpCancelledError.js';
export { StepUpDialog } from './StepUpDialog.js';
export {
  type GuardOptions,
  type StepUpApi,
  type StepUpEvent,
  StepUpProvider,
  type StepUpProviderProps,
  useStepUp,
} from './StepUpProvider.js';
