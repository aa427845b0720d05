// One leaf component, no provider: what importing a single input costs.
import { CodeInput } from 'mfa-kit';
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root') as HTMLElement).render(
  <CodeInput onComplete={(code) => console.log(code)} />,
);
