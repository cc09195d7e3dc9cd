import { describe, expect, it } from "vitest";
import type { TimerRow } from "../../src/tracker/schema.ts";
import { runDueTimers } from "../../src/tracker/timers.ts";
import { inFreshTracker } from "../helpers/fresh-tracker.ts";

// One alarm runs what comes due while it runs (persist schedules deliver "now", deliver schedules
// notify "now"), so a finished workflow costs one alarm, not one per step. A timer that fails and
// comes back due again still waits for the next alarm: no retry loop inside one alarm.

describe("runDueTimers", () => {
  it("runs a timer scheduled due by another in the same call, and each timer once", async () => {
    const { ran, left } = await inFreshTracker(async (store) => {
      const ran: string[] = [];
      const now = Date.now();
      store.schedule("persist", now - 1);
      store.schedule("watch", now + 60_000);
      await runDueTimers(
        store,
        () => now,
        async (timer: TimerRow) => {
          ran.push(timer.name);
          store.cancelTimer(timer.name);
          if (timer.name === "persist") store.schedule("deliver", now);
          if (timer.name === "deliver") {
            store.schedule("notify", now);
            store.schedule("deliver", now); // a failed attempt that is due again at once
          }
        },
      );
      return { ran, left: ["deliver", "watch"].map((name) => store.timer(name)?.name ?? null) };
    });
    expect(ran).toEqual(["persist", "deliver", "notify"]);
    // The re-scheduled deliver and the future watch stay for later alarms.
    expect(left).toEqual(["deliver", "watch"]);
  });

  it("runs nothing when nothing is due", async () => {
    const ran = await inFreshTracker(async (store) => {
      const names: string[] = [];
      store.schedule("watch", Date.now() + 60_000);
      await runDueTimers(store, Date.now, async (timer) => {
        names.push(timer.name);
      });
      return names;
    });
    expect(ran).toEqual([]);
  });
});
