import { describe, expect, it } from "vitest";
import { inFreshTracker } from "../helpers/fresh-tracker.ts";

// `keepEarlier` lets the hot path re-assert a timer without a write. A row already due is the
// alarm's, not an armed timer: the alarm runs it with what it read before and drops it as done,
// so a later need written meanwhile (a claim's lease watch) must not be swallowed by it.

describe("re-asserting a timer with keepEarlier", () => {
  it("keeps an earlier due time that is still ahead, writing nothing", async () => {
    const due = await inFreshTracker((store) => {
      const soon = Date.now() + 5_000;
      store.schedule("watch", soon);
      store.schedule("watch", soon + 60_000, { keepEarlier: true });
      return { kept: store.timer("watch")?.due_at, soon };
    });
    expect(due.kept).toBe(due.soon);
  });

  it("writes the later need over a row that is already due (the alarm is running it)", async () => {
    const due = await inFreshTracker((store) => {
      store.schedule("watch", Date.now() - 10);
      const lease = Date.now() + 2_000;
      store.schedule("watch", lease, { keepEarlier: true });
      return { written: store.timer("watch")?.due_at, lease };
    });
    expect(due.written).toBe(due.lease);
  });
});
