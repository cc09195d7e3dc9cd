// Quotas on running workflows and the rolling budgets, counted in D1. One INSERT … SELECT … WHERE
// count < limit is a single statement, and D1 runs statements one at a time: two commands in the
// same instant cannot both take the last slot. The charge against the rolling budgets is written
// in the same batch (one transaction), so what was counted and what was charged cannot drift.

import { readNumberSetting } from "../settings.ts";
import type { BudgetLimits } from "./budget-limits.ts";

export interface QuotaLimits {
  perUser: number;
  perGuild: number;
}

export interface RunningSlot {
  workflowId: string;
  userId: string;
  guildId: string | null;
  command: string;
  input: string;
  /** What the run is charged against the rolling request budgets (its planned requests). */
  requests: number;
}

export interface RunningWorkflow {
  workflow_id: string;
  command: string;
  input: string;
  started_at: number;
}

export function quotaLimits(env: Env): QuotaLimits {
  const rule = { min: 1, integer: true };
  return {
    perUser: readNumberSetting(env, "MAX_RUNNING_PER_USER", 2, rule),
    perGuild: readNumberSetting(env, "MAX_RUNNING_PER_GUILD", 10, rule),
  };
}

/** Expired charges deleted per admission: bounded work, and admissions outpace expiries. */
const CHARGES_PRUNED_PER_CLAIM = 50;

/**
 * Takes a running slot for the workflow and charges its run: "claimed"; "refused" when any quota
 * or budget is spent (budget-standing.ts tells which); "held" when this workflow already has its
 * slot (a replayed start). User-installed runs count like any other: per user always, per guild
 * when run in one (guildId is null only in DMs).
 */
export async function claimRunningSlot(
  db: D1Database,
  slot: RunningSlot,
  limits: QuotaLimits,
  budgets: BudgetLimits,
  now: number,
): Promise<"claimed" | "refused" | "held"> {
  const since = now - budgets.windowMs;
  const [, claim] = await db.batch([
    db
      .prepare(
        `DELETE FROM budget_charges WHERE workflow_id IN
           (SELECT workflow_id FROM budget_charges WHERE charged_at <= ?1 LIMIT ?2)`,
      )
      .bind(since, CHARGES_PRUNED_PER_CLAIM),
    db
      .prepare(
        // Nothing waits (stage-waiting.ts): the consumer taking the slot runs the first stage now.
        `INSERT INTO running_workflows (workflow_id, user_id, guild_id, command, input, started_at, waiting_since)
         SELECT ?1, ?2, ?3, ?4, ?5, ?6, NULL
         WHERE (SELECT COUNT(*) FROM running_workflows WHERE user_id = ?2) < ?7
           AND (?3 IS NULL OR (SELECT COUNT(*) FROM running_workflows WHERE guild_id = ?3) < ?8)
           AND (SELECT COUNT(*) FROM running_workflows) < ?9
           AND (SELECT COUNT(*) FROM budget_charges WHERE user_id = ?2 AND charged_at > ?10) < ?11
           AND (SELECT COALESCE(SUM(requests), 0) FROM budget_charges
                WHERE user_id = ?2 AND charged_at > ?10) + ?12 <= ?13
           AND (?3 IS NULL OR (
                (SELECT COUNT(*) FROM budget_charges WHERE guild_id = ?3 AND charged_at > ?10) < ?14
                AND (SELECT COALESCE(SUM(requests), 0) FROM budget_charges
                     WHERE guild_id = ?3 AND charged_at > ?10) + ?12 <= ?15))
         ON CONFLICT (workflow_id) DO NOTHING`,
      )
      .bind(
        slot.workflowId,
        slot.userId,
        slot.guildId,
        slot.command,
        slot.input.slice(0, 300),
        now,
        limits.perUser,
        limits.perGuild,
        budgets.globalRunning,
        since,
        budgets.perUser.runs,
        slot.requests,
        budgets.perUser.requests,
        budgets.perGuild.runs,
        budgets.perGuild.requests,
      ),
    // Charged once per workflow: a replayed start finds its charge and adds nothing.
    db
      .prepare(
        `INSERT INTO budget_charges (workflow_id, user_id, guild_id, requests, charged_at)
         SELECT ?1, ?2, ?3, ?4, ?5 WHERE EXISTS (SELECT 1 FROM running_workflows WHERE workflow_id = ?1)
         ON CONFLICT (workflow_id) DO NOTHING`,
      )
      .bind(slot.workflowId, slot.userId, slot.guildId, slot.requests, now),
  ]);
  if (claim?.meta.changes === 1) return "claimed";
  const held = await db
    .prepare("SELECT 1 AS held FROM running_workflows WHERE workflow_id = ?")
    .bind(slot.workflowId)
    .first();
  return held ? "held" : "refused";
}

export function releaseRunningSlotStatement(
  db: D1Database,
  workflowId: string,
): D1PreparedStatement {
  return db.prepare("DELETE FROM running_workflows WHERE workflow_id = ?").bind(workflowId);
}

export async function releaseRunningSlot(db: D1Database, workflowId: string): Promise<void> {
  await releaseRunningSlotStatement(db, workflowId).run();
}

/** A claim whose start the tracker had refused before: nothing ran, so nothing is charged. */
export async function refundCharge(db: D1Database, workflowId: string): Promise<void> {
  await db.prepare("DELETE FROM budget_charges WHERE workflow_id = ?").bind(workflowId).run();
}

export async function runningWorkflowsOf(
  db: D1Database,
  userId: string,
): Promise<RunningWorkflow[]> {
  const { results } = await db
    .prepare(
      "SELECT workflow_id, command, input, started_at FROM running_workflows WHERE user_id = ? ORDER BY started_at",
    )
    .bind(userId)
    .all<RunningWorkflow>();
  return results;
}
