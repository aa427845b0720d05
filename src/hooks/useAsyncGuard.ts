import { useCallback, useEffect, useMemo, useRef } from 'react';

export interface AsyncGuard {
  /** False once the component unmounted: a late answer must not update its state. */
  readonly mounted: { readonly current: boolean };
  /** True while an `exclusive` action runs. */
  readonly busy: { readonly current: boolean };
  /** Runs `work` unless another exclusive action is running (a double click does nothing). */
  exclusive(work: () => Promise<void>): Promise<void>;
}

/** The mounted and one-at-a-time guards the hooks share. */
export function useAsyncGuard(): AsyncGuard {
  const mounted = useRef(true);
  const busy = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const exclusive = useCallback(async (work: () => Promise<void>) => {
    if (busy.current) return;
    busy.current = true;
    try {
      await work();
    } finally {
      busy.current = false;
    }
  }, []);
  return useMemo(() => ({ mounted, busy, exclusive }), [exclusive]);
}
