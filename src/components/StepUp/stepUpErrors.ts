/** The user closed the step-up prompt: the guarded action did not run. */
export class StepUpCancelledError extends Error {
  override readonly name = 'StepUpCancelledError';
  constructor() {
    super('The step-up verification was cancelled; the action did not run.');
  }
}

export function isStepUpCancelled(error: unknown): error is StepUpCancelledError {
  return error instanceof StepUpCancelledError;
}

/** The server still asked for step-up after a fresh verification: reported, never retried in a loop. */
export class StepUpRefusedError extends Error {
  override readonly name = 'StepUpRefusedError';
  readonly response: Response;
  constructor(response: Response) {
    super('The server refused the request again after step-up verification.');
    this.response = response;
  }
}
