import 'mfa-kit/styles.css';
import type { ReactNode } from 'react';
import { SimulatorProviders } from './simulator-providers';

export const metadata = { title: 'Acme (mfa-kit on Next.js)', icons: { icon: 'data:,' } };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <SimulatorProviders>{children}</SimulatorProviders>
      </body>
    </html>
  );
}
