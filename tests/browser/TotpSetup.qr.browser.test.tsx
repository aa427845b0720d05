import { cleanup, render } from '@testing-library/react';
import jsQR from 'jsqr';
import { MfaProvider, parseOtpauthUri, TotpSetup } from 'mfa-kit';
import { createCognitoSimulator } from 'mfa-kit/testing';
import { Secret, TOTP } from 'otpauth';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import 'mfa-kit/styles.css';

afterEach(() => cleanup());

/** Decodes a QR code from a PNG screenshot's pixels, as a phone camera would from the screen. */
async function decodeQr(base64Png: string): Promise<string> {
  const image = new Image();
  image.src = `data:image/png;base64,${base64Png}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth;
  canvas.height = image.naturalHeight;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d context');
  context.drawImage(image, 0, 0);
  const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
  const result = jsQR(data, width, height);
  if (!result) throw new Error('no QR code found in the screenshot');
  return result.data;
}

describe('TotpSetup in Chromium', () => {
  it('shows a QR code a phone can scan and enrol from', async () => {
    const simulator = createCognitoSimulator({ users: [{ username: 'alice', password: 'Passw0rd!' }] });
    await simulator.client.signIn({ username: 'alice', password: 'Passw0rd!' });
    const onVerified = vi.fn();
    render(
      <MfaProvider client={simulator.client} issuer="Acme Corp & Co #1">
        <main>
          <TotpSetup accountName="alice+ops@example.com" onVerified={onVerified} />
        </main>
      </MfaProvider>,
    );

    const qr = page.getByRole('img', { name: /QR code/ });
    await expect.element(qr).toBeVisible();
    // The QR renderer loads on demand (React.lazy): the labelled image appears with the code drawn.
    await vi.waitFor(() => expect(qr.element().querySelector('svg path')).not.toBeNull());
    // Not saved to disk, so Vitest hands back the PNG as base64.
    const png = await qr.screenshot({ save: false });
    const uri = await decodeQr(png);
    const zbarUri = await (
      commands as unknown as { zbarDecode(png: string): Promise<string | null> }
    ).zbarDecode(png);
    if (zbarUri !== null) expect(zbarUri).toBe(uri);

    const parsed = parseOtpauthUri(uri);
    expect(parsed).toMatchObject({
      issuer: 'Acme Corp & Co #1',
      accountName: 'alice+ops@example.com',
      digits: 6,
      period: 30,
    });
    const code = new TOTP({
      secret: Secret.fromBase32(parsed.secret),
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
    }).generate();

    await page.getByRole('textbox', { name: 'Verification code' }).click();
    await userEvent.keyboard(code);
    await expect.element(page.getByText(/Your authenticator app is set up/)).toBeVisible();
    expect(onVerified).toHaveBeenCalledTimes(1);
    expect(simulator.pool.getUser('alice')).toMatchObject({ totpEnabled: true, preferred: 'TOTP' });
  });
});
