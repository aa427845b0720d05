import { createCognitoSimulator } from 'mfa-kit/testing';
import { type ContractTarget, errorNameOf } from './target';

/** The embedded simulator: it follows real Cognito, so it needs no translation. */
export function simulatorTarget(): ContractTarget {
  return {
    name: 'simulator',
    async createPool(pool) {
      return createCognitoSimulator({
        mfaConfiguration: pool.mfaConfiguration,
        autoVerifiedAttributes: pool.autoVerifiedAttributes ?? [],
        mfaMethods: ['TOTP', 'SMS'],
        users: pool.users.map(({ temporaryPassword, unconfirmed, ...user }) => ({
          ...user,
          status: temporaryPassword ? 'FORCE_CHANGE_PASSWORD' : unconfirmed ? 'UNCONFIRMED' : 'CONFIRMED',
        })),
      }).client;
    },
    cognitoErrorName: (_call, error) => errorNameOf(error),
    async dispose() {},
  };
}
