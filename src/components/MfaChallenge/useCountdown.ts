import { useEffect, useState } from 'react';

/** Whole seconds left until `until`, ticking once a second; 0 when past or unset. */
export function useCountdown(until: number | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!until || until <= Date.now()) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  return until ? Math.max(Math.ceil((until - now) / 1000), 0) : 0;
}
