// Quotas on running workflows, counted in D1. One INSERT … SELECT … WHERE count < limit is a
// single statement, and D1 runs statements one at a time: two commands in the same instant
// cannot both take the last slot.

import { readNumberSetting } from "../settings.ts";

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

/**
 * Takes a running slot for the workflow: "claimed"; "refused" when the user or the guild is at
 * its limit; "held" when this workflow already has its slot (a replayed start).
 */
export async function claimRunningSlot(
  db: D1Database,
  slot: RunningSlot,
  limits: QuotaLimits,
  now: number,
): Promise<"claimed" | "refused" | "held"> {
  const result = await db
    .prepare(
      // Nothing waits (stage-waiting.ts): the consumer taking the slot runs the first stage now.
      `INSERT INTO running_workflows (workflow_id, user_id, guild_id, command, input, started_at, waiting_since)
       SELECT ?1, ?2, ?3, ?4, ?5, ?6, NULL
       WHERE (SELECT COUNT(*) FROM running_workflows WHERE user_id = ?2) < ?7
         AND (?3 IS NULL OR (SELECT COUNT(*) FROM running_workflows WHERE guild_id = ?3) < ?8)
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
    )
    .run();
  if (result.meta.changes === 1) return "claimed";
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
