// The budgets beyond the per-user and per-guild concurrency (quotas.ts): one cap on running
// workflows for the whole bot, and rolling budgets per user and per guild over a window (a day by
// default) counting runs and outbound requests. A run is charged its kind's planned outbound
// requests (autointel: its depth's page and link budgets) when admitted. Defaults and what to
// tune: docs/budgets.md.

import { readNumberSetting } from "../settings.ts";

export interface RollingBudget {
  runs: number;
  requests: number;
}

export interface BudgetLimits {
  /** Running workflows, everyone together. */
  globalRunning: number;
  windowMs: number;
  perUser: RollingBudget;
  perGuild: RollingBudget;
}

export const BUDGET_DEFAULTS = {
  MAX_RUNNING_GLOBAL: 100,
  BUDGET_WINDOW_HOURS: 24,
  USER_DAILY_RUNS: 30,
  USER_DAILY_REQUESTS: 5000,
  GUILD_DAILY_RUNS: 200,
  GUILD_DAILY_REQUESTS: 30_000,
} as const;

export function budgetLimits(env: Env): BudgetLimits {
  const count = { min: 1, integer: true };
  const read = (name: keyof typeof BUDGET_DEFAULTS, rule = count) =>
    readNumberSetting(env, name, BUDGET_DEFAULTS[name], rule);
  return {
    globalRunning: read("MAX_RUNNING_GLOBAL"),
    windowMs: read("BUDGET_WINDOW_HOURS", { min: 0.001, integer: false }) * 3_600_000,
    perUser: { runs: read("USER_DAILY_RUNS"), requests: read("USER_DAILY_REQUESTS") },
    perGuild: { runs: read("GUILD_DAILY_RUNS"), requests: read("GUILD_DAILY_REQUESTS") },
  };
}
