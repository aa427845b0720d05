export { StepUpDialog, type StepUpDialogProps } from './StepUpDialog.js';
export { type StepUpEvent, StepUpProvider, type StepUpProviderProps } from './StepUpProvider.js';
