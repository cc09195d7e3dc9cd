import type { GatePriority } from "../discord/bot-gate-port.ts";

/**
 * Share of each second progress edits may book. The rest stays free for results, warnings and
 * handoffs: with hundreds of channels editing progress, results would otherwise wait behind them.
 */
const PROGRESS_SHARE = 0.6;

/** How far ahead the budget looks for a free slot to tell a refused caller when to come back. */
const LOOKAHEAD_WINDOWS = 120;

export interface Booking {
  /** How long until the booked slot (or, when not booked, the first free one). */
  waitMs: number;
  /** A slot is held for the caller: it sends after `waitMs` without asking again. */
  booked: boolean;
}

/**
 * The bot's global budget (Discord: 50 requests/s) as one-second windows of slots. A caller books
 * the first window with a free slot within the wait it accepts, so callers are served in the
 * order they ask and a caller that needs two calls in a row cannot lose every race to the next
 * window's crowd. Kept in memory only: losing it on eviction lets at most one extra window out.
 */
export class GlobalBudget {
  private readonly used = new Map<number, number>();
  private readonly perSecond: number;

  constructor(perSecond: number) {
    this.perSecond = perSecond;
  }

  book(now: number, maxWaitMs: number, priority: GatePriority): Booking {
    const current = Math.floor(now / 1000);
    this.forgetBefore(current);
    const capacity =
      priority === "progress"
        ? Math.max(1, Math.floor(this.perSecond * PROGRESS_SHARE))
        : this.perSecond;
    for (let window = current; window < current + LOOKAHEAD_WINDOWS; window++) {
      const used = this.used.get(window) ?? 0;
      if (used >= capacity) continue;
      const waitMs = Math.max(0, window * 1000 - now);
      if (waitMs > maxWaitMs) return { waitMs, booked: false };
      this.used.set(window, used + 1);
      return { waitMs, booked: true };
    }
    return { waitMs: LOOKAHEAD_WINDOWS * 1000, booked: false };
  }

  private forgetBefore(window: number): void {
    for (const key of this.used.keys()) if (key < window) this.used.delete(key);
  }
}
