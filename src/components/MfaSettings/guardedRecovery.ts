import type { StepUpApi } from '../../context/stepUpContext.js';
import type { RecoveryCodesAdapter } from '../../ports.js';

/**
 * The recovery adapter with `generate` behind step-up when codes already exist: replacing a set is
 * sensitive, the first set right after enrolment is not. The server checks again (regenerateStepUp).
 */
export function guardedRecovery(
  recovery: RecoveryCodesAdapter,
  guard: StepUpApi['guard'],
  reason: string,
): RecoveryCodesAdapter {
  return {
    status: () => recovery.status(),
    redeem: (input) => recovery.redeem(input),
    async generate() {
      const { total } = await recovery.status();
      if (total === 0) return recovery.generate();
      return guard(() => recovery.generate(), { riskScore: 100, reason });
    },
  };
}
