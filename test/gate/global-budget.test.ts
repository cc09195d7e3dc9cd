import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { GlobalBudget } from "../../src/gate/global-budget.ts";

describe("the bot's global budget", () => {
  it("books callers into the first second with a free slot, in the order they ask", () => {
    const budget = new GlobalBudget(3);
    const at = 10_250;
    const waits = Array.from({ length: 7 }, () => budget.book(at, 5_000, "result"));
    expect(waits).toEqual([
      { waitMs: 0, booked: true },
      { waitMs: 0, booked: true },
      { waitMs: 0, booked: true },
      { waitMs: 750, booked: true },
      { waitMs: 750, booked: true },
      { waitMs: 750, booked: true },
      { waitMs: 1_750, booked: true },
    ]);
  });

  it("holds no slot for a caller that cannot wait for it, and says when to come back", () => {
    const budget = new GlobalBudget(2);
    budget.book(0, 0, "result");
    budget.book(0, 0, "result");
    expect(budget.book(400, 0, "result")).toEqual({ waitMs: 600, booked: false });
    // Nothing was held for the refused caller: the next second still has both slots.
    expect(budget.book(1_000, 0, "result")).toEqual({ waitMs: 0, booked: true });
    expect(budget.book(1_000, 0, "result")).toEqual({ waitMs: 0, booked: true });
  });

  it("leaves part of every second to results however many progress edits ask", () => {
    const budget = new GlobalBudget(10);
    const progress = Array.from({ length: 20 }, () => budget.book(0, 0, "progress"));
    expect(progress.filter((b) => b.booked)).toHaveLength(6);
    const results = Array.from({ length: 4 }, () => budget.book(0, 0, "result"));
    expect(results).toEqual(results.map(() => ({ waitMs: 0, booked: true })));
    expect(budget.book(0, 0, "result")).toEqual({ waitMs: 1_000, booked: false });
  });

  it("gives bulk reads a small share of their own, which leaves progress its whole share", () => {
    const budget = new GlobalBudget(20);
    const bulk = Array.from({ length: 20 }, () => budget.book(0, 0, "bulk"));
    expect(bulk.filter((b) => b.booked)).toHaveLength(5);
    // Progress still gets its 60 % of the second, and results the rest.
    const progress = Array.from({ length: 20 }, () => budget.book(0, 0, "progress"));
    expect(progress.filter((b) => b.booked)).toHaveLength(12);
    const results = Array.from({ length: 5 }, () => budget.book(0, 0, "result"));
    expect(results.filter((b) => b.booked)).toHaveLength(3);
    // A bulk reader that can wait is booked into the next second, behind nobody's share.
    expect(budget.book(0, 5_000, "bulk")).toEqual({ waitMs: 1_000, booked: true });
  });

  it("lets callers that need two calls in a row all finish when more ask than a second holds", () => {
    // The DM rung opens the DM channel, then posts: before bookings, 60 such callers asking each
    // second took every slot with their first calls and none ever made its second.
    const budget = new GlobalBudget(45);
    const finishedAt: number[] = [];
    for (let caller = 0; caller < 60; caller++) {
      const open = budget.book(0, 5_000, "result");
      const post = budget.book(open.waitMs, 5_000, "result");
      expect(open.booked && post.booked).toBe(true);
      finishedAt.push(open.waitMs + post.waitMs);
    }
    expect(Math.max(...finishedAt)).toBeLessThanOrEqual(2_000);
  });
});

describe("the BotGate object's admissions", () => {
  it("books through the Durable Object: results still get slots while progress edits queue", async () => {
    // Its own instance, so the bot's gate that other tests use keeps its budget.
    const gate = env.BOT_GATE.get(env.BOT_GATE.idFromName(`budget-${crypto.randomUUID()}`));
    const progress = await Promise.all(
      Array.from({ length: 60 }, () => gate.admit({ maxWaitMs: 0, priority: "progress" })),
    );
    // 60 progress edits are more than their share of even two seconds (if the asks span two).
    expect(progress.filter((a) => a.waitMs === 0).length).toBeGreaterThan(0);
    const refused = progress.find((a) => a.waitMs > 0);
    expect(refused).toMatchObject({ booked: false, probe: false });
    const result = await gate.admit({ maxWaitMs: 0, priority: "result" });
    expect(result).toMatchObject({ waitMs: 0, probe: false });
  });
});
