import type { GatePriority } from "../discord/bot-gate-port.ts";

/**
 * Share of each second progress edits may book. The rest stays free for results, warnings and
 * handoffs: with hundreds of channels editing progress, results would otherwise wait behind them.
 */
const PROGRESS_SHARE = 0.6;

/**
 * Share of each second bulk reads (an export paging through history) may book. Progress is
 * measured without them, so bulk never takes progress' share; what bulk takes from results is
 * bounded by this share, and results keep the rest of the second.
 */
const BULK_SHARE = 0.25;

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
interface WindowUse {
  all: number;
  bulk: number;
}

export class GlobalBudget {
  private readonly used = new Map<number, WindowUse>();
  private readonly perSecond: number;

  constructor(perSecond: number) {
    this.perSecond = perSecond;
  }

  private share(fraction: number): number {
    return Math.max(1, Math.floor(this.perSecond * fraction));
  }

  /** Whether a window so used has room for one more call of `priority`. */
  private hasRoom(use: WindowUse, priority: GatePriority): boolean {
    if (use.all >= this.perSecond) return false;
    if (priority === "progress") return use.all - use.bulk < this.share(PROGRESS_SHARE);
    if (priority === "bulk") return use.bulk < this.share(BULK_SHARE);
    return true;
  }

  book(now: number, maxWaitMs: number, priority: GatePriority): Booking {
    const current = Math.floor(now / 1000);
    this.forgetBefore(current);
    for (let window = current; window < current + LOOKAHEAD_WINDOWS; window++) {
      const use = this.used.get(window) ?? { all: 0, bulk: 0 };
      if (!this.hasRoom(use, priority)) continue;
      const waitMs = Math.max(0, window * 1000 - now);
      if (waitMs > maxWaitMs) return { waitMs, booked: false };
      this.used.set(window, {
        all: use.all + 1,
        bulk: use.bulk + (priority === "bulk" ? 1 : 0),
      });
      return { waitMs, booked: true };
    }
    return { waitMs: LOOKAHEAD_WINDOWS * 1000, booked: false };
  }

  private forgetBefore(window: number): void {
    for (const key of this.used.keys()) if (key < window) this.used.delete(key);
  }
}
