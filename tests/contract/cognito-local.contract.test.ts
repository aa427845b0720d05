// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarios } from './scenarios';
import { cognitoLocalTarget } from './support/cognitoLocalTarget';
import type { ContractTarget } from './support/target';

describe('contract: aws-amplify v6 against cognito-local', () => {
  let target: ContractTarget;
  beforeAll(async () => {
    target = await cognitoLocalTarget();
  });
  afterAll(async () => {
    await target?.dispose();
  });

  for (const scenario of scenarios.filter((s) => !s.simulatorOnly)) {
    it(scenario.name, async () => {
      const client = await target.createPool(scenario.pool);
      expect(await scenario.run(target, client)).toEqual(scenario.expected);
    });
  }
});
