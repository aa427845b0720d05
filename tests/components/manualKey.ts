import { screen } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';

/** Reads the setup key the way a user without a camera would: open "enter a setup key" and read it. */
export async function readManualKey(user: ReturnType<typeof userEvent.setup>): Promise<string> {
  const toggle = await screen.findByRole('button', { name: /setup key/ });
  if (toggle.getAttribute('aria-expanded') === 'false') await user.click(toggle);
  const key = await screen.findByText(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
  return (key.textContent ?? '').replace(/ /g, '');
}
