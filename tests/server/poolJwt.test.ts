// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { verifyPoolJwt } from '../../src/server/poolJwt';
import { localIssuer } from './support/localIssuer';

/** Issue 21: the issuer and audience verifyPoolJwt derives and checks, on a local pool key. */
describe('verifyPoolJwt', () => {
  it("defaults the issuer to Cognito's URL for the pool's region and id", async () => {
    const pool = localIssuer();
    const token = pool.token({ token_use: 'access', client_id: 'c', username: 'alice' });
    const payload = await verifyPoolJwt(token, {
      userPoolId: pool.userPoolId,
      jwks: pool.jwks as never,
      audience: null,
    });
    expect(payload).toMatchObject({ iss: pool.issuer, username: 'alice' });
    // A token of the same key but another issuer is refused.
    const foreign = pool.token({
      iss: 'https://cognito-idp.us-east-1.amazonaws.com/other',
      token_use: 'access',
    });
    await expect(
      verifyPoolJwt(foreign, { userPoolId: pool.userPoolId, jwks: pool.jwks as never, audience: null }),
    ).rejects.toThrow();
  });

  it('checks the audience when one is given, and keeps one verifier per issuer and audience', async () => {
    const pool = localIssuer();
    const options = { userPoolId: pool.userPoolId, issuer: pool.issuer, jwks: pool.jwks as never };
    const idToken = pool.token({ token_use: 'id', aud: 'client-a', sub: 's' });
    await expect(verifyPoolJwt(idToken, { ...options, audience: 'client-a' })).resolves.toMatchObject({
      aud: 'client-a',
    });
    await expect(verifyPoolJwt(idToken, { ...options, audience: 'client-b' })).rejects.toThrow();
    // The verifier for client-a was cached with the JWKS: it still verifies without them.
    const { jwks: _jwks, ...withoutJwks } = options;
    await expect(verifyPoolJwt(idToken, { ...withoutJwks, audience: 'client-a' })).resolves.toMatchObject({
      sub: 's',
    });
  });
});
