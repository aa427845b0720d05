import { describe, expect, it } from 'vitest';
import { scenarios } from './scenarios';
import { simulatorTarget } from './support/simulatorTarget';

describe('contract: embedded simulator', () => {
  const target = simulatorTarget();
  for (const scenario of scenarios) {
    const label = scenario.simulatorOnly
      ? `${scenario.name} (simulator-only: ${scenario.simulatorOnly})`
      : scenario.name;
    it(label, async () => {
      const client = await target.createPool(scenario.pool);
      expect(await scenario.run(target, client)).toEqual(scenario.expected);
    });
  }
});
