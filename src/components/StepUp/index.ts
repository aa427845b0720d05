export { StepUpDialog, type StepUpDialogProps } from './StepUpDialog.js';
export {
  type GuardOptions,
  type StepUpApi,
  type StepUpEvent,
  StepUpProvider,
  type StepUpProviderProps,
  useStepUp,
} from './StepUpProvider.js';
export { isStepUpCancelled, StepUpCancelledError, StepUpRefusedError } from './stepUpErrors.js';
