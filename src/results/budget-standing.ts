// Which budget refused a start, and when it refills: read after the claim statement said no
// (quotas.ts), so the refusal can name the budget instead of a generic "too many". Checked in
// the order a user can act on soonest: their own running workflows first, the daily budgets last.

import type { BudgetLimits, RollingBudget } from "./budget-limits.ts";
import type { QuotaLimits } from "./quotas.ts";

export type RollingScope = "user" | "guild";

export type SpentBudget =
  | { budget: "running"; scope: RollingScope; limit: number }
  | { budget: "global_running"; limit: number }
  | {
      budget: "daily_runs" | "daily_requests";
      scope: RollingScope;
      limit: number;
      /** When enough of the window has expired for this run; null: this run never fits. */
      refillsAt: number | null;
      /** What is left now, and what this run needs (requests budget). */
      left: number;
      needed: number;
    };

type Charge = { requests: number; charged_at: number };

/** When a rolling budget over `charges` (oldest first) admits a run costing `cost`; null: never. */
export function refillTime(
  charges: Charge[],
  kind: "daily_runs" | "daily_requests",
  limit: number,
  cost: number,
  windowMs: number,
): number | null {
  if (kind === "daily_requests" && cost > limit) return null;
  let runs = charges.length;
  let requests = charges.reduce((sum, charge) => sum + charge.requests, 0);
  const fits = () => (kind === "daily_runs" ? runs < limit : requests + cost <= limit);
  for (const charge of charges) {
    runs--;
    requests -= charge.requests;
    if (fits()) return charge.charged_at + windowMs;
  }
  return null;
}

async function chargesInWindow(
  db: D1Database,
  column: "user_id" | "guild_id",
  id: string,
  since: number,
): Promise<Charge[]> {
  const { results } = await db
    .prepare(
      `SELECT requests, charged_at FROM budget_charges WHERE ${column} = ? AND charged_at > ? ORDER BY charged_at`,
    )
    .bind(id, since)
    .all<Charge>();
  return results;
}

function spentRolling(
  scope: RollingScope,
  charges: Charge[],
  budget: RollingBudget,
  cost: number,
  windowMs: number,
): SpentBudget | null {
  const used = charges.reduce((sum, charge) => sum + charge.requests, 0);
  if (charges.length >= budget.runs)
    return {
      budget: "daily_runs",
      scope,
      limit: budget.runs,
      refillsAt: refillTime(charges, "daily_runs", budget.runs, cost, windowMs),
      left: 0,
      needed: 1,
    };
  if (used + cost > budget.requests)
    return {
      budget: "daily_requests",
      scope,
      limit: budget.requests,
      refillsAt: refillTime(charges, "daily_requests", budget.requests, cost, windowMs),
      left: Math.max(0, budget.requests - used),
      needed: cost,
    };
  return null;
}

/** The budget that is spent for this start; null when none is any more (it just freed up). */
export async function spentBudget(
  db: D1Database,
  start: { userId: string; guildId: string | null; requests: number },
  limits: QuotaLimits,
  budgets: BudgetLimits,
  now: number,
): Promise<SpentBudget | null> {
  const running = await db
    .prepare(
      `SELECT (SELECT COUNT(*) FROM running_workflows WHERE user_id = ?1) AS user,
              (SELECT COUNT(*) FROM running_workflows WHERE guild_id = ?2) AS guild,
              (SELECT COUNT(*) FROM running_workflows) AS everyone`,
    )
    .bind(start.userId, start.guildId)
    .first<{ user: number; guild: number; everyone: number }>();
  if ((running?.user ?? 0) >= limits.perUser)
    return { budget: "running", scope: "user", limit: limits.perUser };
  if (start.guildId && (running?.guild ?? 0) >= limits.perGuild)
    return { budget: "running", scope: "guild", limit: limits.perGuild };
  if ((running?.everyone ?? 0) >= budgets.globalRunning)
    return { budget: "global_running", limit: budgets.globalRunning };
  const since = now - budgets.windowMs;
  const user = await chargesInWindow(db, "user_id", start.userId, since);
  const spent = spentRolling("user", user, budgets.perUser, start.requests, budgets.windowMs);
  if (spent || !start.guildId) return spent;
  const guild = await chargesInWindow(db, "guild_id", start.guildId, since);
  return spentRolling("guild", guild, budgets.perGuild, start.requests, budgets.windowMs);
}
