// When a crawl or link check sends its next request: politeness per host, and how much of one
// stage invocation's time budget may be used before the work is handed to the next invocation.

/** Waits up to this long are slept inline; a queue round trip would cost at least a second. */
export const MAX_INLINE_WAIT_MS = 2000;
/** robots.txt may ask for more, but not for more than this. */
export const MAX_CRAWL_DELAY_MS = 30_000;
/** Time kept free at the end of an invocation to report the state back to the tracker. */
const REPORT_MARGIN_MS = 1000;

export type Pace = { kind: "go"; waitMs: number } | { kind: "yield"; afterMs: number };

export function politeDelayMs(configuredMs: number, crawlDelaySeconds: number | null): number {
  const requested = (crawlDelaySeconds ?? 0) * 1000;
  return Math.min(MAX_CRAWL_DELAY_MS, Math.max(configuredMs, requested));
}

export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}

/**
 * One invocation works for at most half its budget, and starts a request only if it ends (at
 * its timeout) inside the budget; then it yields its state and the queue brings it back.
 */
export class InvocationPacer {
  private readonly startedAt = Date.now();
  private readonly budgetMs: number;
  private readonly requestTimeoutMs: number;
  private started = 0;

  constructor(budgetMs: number, requestTimeoutMs: number) {
    this.budgetMs = budgetMs;
    this.requestTimeoutMs = requestTimeoutMs;
  }

  pace(waitMs: number): Pace {
    const wait = Math.max(0, waitMs);
    if (wait > MAX_INLINE_WAIT_MS) return { kind: "yield", afterMs: wait };
    const startsAt = Date.now() - this.startedAt + wait;
    const fits =
      startsAt < this.budgetMs / 2 &&
      startsAt + this.requestTimeoutMs < this.budgetMs - REPORT_MARGIN_MS;
    // The first request always goes, so an invocation never yields without progress.
    if (!fits && this.started > 0) return { kind: "yield", afterMs: wait };
    this.started++;
    return { kind: "go", waitMs: wait };
  }
}
