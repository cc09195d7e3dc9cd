import type { GatePriority } from "../discord/bot-gate-port.ts";

/** Who waits for the channel's next Discord call: results and handoffs before progress edits. */
const RANK: Record<GatePriority, number> = { result: 0, progress: 1, bulk: 2 };

/**
 * One Discord call at a time per channel, so each answer's rate-limit headers describe the
 * bucket exactly when the next call is decided. Waiters are served by priority, then in order.
 */
export class PriorityLock {
  private busy = false;
  private readonly waiters: { rank: number; seq: number; wake: () => void }[] = [];
  private seq = 0;

  async run<T>(priority: GatePriority, work: () => Promise<T>): Promise<T> {
    await this.acquire(RANK[priority]);
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  /** Whether a result is waiting: the progress drain then steps aside. */
  get resultWaiting(): boolean {
    return this.waiters.some((w) => w.rank === RANK.result);
  }

  private acquire(rank: number): Promise<void> {
    if (!this.busy) {
      this.busy = true;
      return Promise.resolve();
    }
    return new Promise((wake) => {
      this.waiters.push({ rank, seq: this.seq++, wake });
      this.waiters.sort((a, b) => a.rank - b.rank || a.seq - b.seq);
    });
  }

  private release(): void {
    const next = this.waiters.shift();
    if (next) next.wake();
    else this.busy = false;
  }
}
