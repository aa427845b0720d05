import { Secret, TOTP } from 'otpauth';
import { expect, userEvent, within } from 'storybook/test';

/** What a phone app would show for `secret` now. */
export const phoneCode = (secret: string) =>
  new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate();

/** Opens the manual-key disclosure and reads the key the way a user would. */
export async function readSetupKey(canvasElement: HTMLElement): Promise<string> {
  const canvas = within(canvasElement);
  const toggle = await canvas.findByRole('button', {
    name: /setup key|مفتاح الإعداد|Einrichtungsschlüssel|clave de configuración/i,
  });
  if (toggle.getAttribute('aria-expanded') === 'false') await userEvent.click(toggle);
  const key = await canvas.findByText(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
  await expect(key).toBeVisible();
  return (key.textContent ?? '').replace(/ /g, '');
}
