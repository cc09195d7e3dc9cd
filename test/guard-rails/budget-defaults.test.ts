import { describe, expect, it } from "vitest";
import { budgetLimits } from "../../src/results/budget-limits.ts";
import { siteMinIntervalMs } from "../../src/sites/site-budget.ts";
import { autointelConfig } from "../../src/workflows/autointel/config.ts";
import { plannedRequests } from "../../src/workflows/autointel/depth.ts";

const settings = (vars: Record<string, string>) => vars as unknown as Env;

// The defaults docs/budgets.md promises, read with nothing set; a change must change the doc.
describe("budget defaults", () => {
  it("running, daily and per-site budgets", () => {
    expect(budgetLimits(settings({}))).toEqual({
      globalRunning: 100,
      windowMs: 24 * 3_600_000,
      perUser: { runs: 30, requests: 5000 },
      perGuild: { runs: 200, requests: 30_000 },
    });
    expect(siteMinIntervalMs(settings({}))).toBe(500);
    expect(autointelConfig(settings({})).linkChecksPerHost).toBe(25);
  });

  it("a run is charged its depth's planned requests", () => {
    expect([
      plannedRequests("quick"),
      plannedRequests("standard"),
      plannedRequests("deep"),
    ]).toEqual([52, 211, 601]);
  });

  it("a setting out of bounds is refused, naming it", () => {
    expect(() => budgetLimits(settings({ USER_DAILY_RUNS: "0" }))).toThrow(/USER_DAILY_RUNS/);
    expect(() => budgetLimits(settings({ MAX_RUNNING_GLOBAL: "lots" }))).toThrow(
      /MAX_RUNNING_GLOBAL/,
    );
    expect(() => siteMinIntervalMs(settings({ SITE_MIN_INTERVAL_MS: "-5" }))).toThrow(
      /SITE_MIN_INTERVAL_MS/,
    );
  });
});
