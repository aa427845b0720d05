export interface TokenBucketOptions {
  /** Tokens added per second (the sustained call rate). */
  ratePerSecond: number;
  /** The most tokens saved up (the largest burst). Default: one second's worth, at least 1. */
  burst?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** A token bucket: `take()` resolves when a call may go, so calls never exceed the rate. */
export function tokenBucket(options: TokenBucketOptions): { take(): Promise<void> } {
  if (!(options.ratePerSecond > 0)) throw new Error('ratePerSecond must be more than 0.');
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const capacity = Math.max(1, options.burst ?? options.ratePerSecond);
  let tokens = capacity;
  let last = now();
  let queue: Promise<void> = Promise.resolve();

  const refill = () => {
    const at = now();
    tokens = Math.min(capacity, tokens + ((at - last) / 1000) * options.ratePerSecond);
    last = at;
  };

  return {
    take() {
      // One waiter at a time, in order.
      const turn = queue.then(async () => {
        refill();
        while (tokens < 1) {
          await sleep(Math.ceil(((1 - tokens) / options.ratePerSecond) * 1000));
          refill();
        }
        tokens -= 1;
      });
      queue = turn.catch(() => {});
      return turn;
    },
  };
}
