import { useCallback, useRef, useState } from 'react';

/**
 * `useReducer` whose state an async action can read after an `await` (`latest()`), before React has
 * rendered: the reducer's result is the one source, rendered and read alike — no hand-kept mirror.
 */
export function useLatestReducer<S, E>(
  reducer: (state: S, event: E) => S,
  init: () => S,
): [state: S, dispatch: (event: E) => void, latest: () => S] {
  const [state, setState] = useState(init);
  const current = useRef(state);
  const dispatch = useCallback(
    (event: E) => {
      current.current = reducer(current.current, event);
      setState(current.current);
    },
    [reducer],
  );
  const latest = useCallback(() => current.current, []);
  return [state, dispatch, latest];
}
