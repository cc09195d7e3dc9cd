import type { EngineConfig } from "../config.ts";
import { ANY_ROUTE, hasRoutePastToken, type RoutePlan } from "../delivery/route-plan.ts";
import { ENGLISH_LOCALES } from "../i18n/workflow-locales.ts";
import { findWorkflow } from "../workflow/registry.ts";
import { initialDeadlineAt, scheduleDeadlineTimers } from "./deadline-extension.ts";
import { applyResume } from "./resume.ts";
import { saveRoutePlan } from "./route-plan-store.ts";
import type { StartWorkflowInput } from "./rpc.ts";
import type { TrackerStore } from "./store.ts";
import { Timer } from "./timer-names.ts";
import { scheduleTokenTimers, tokenExpiresAt } from "./token-clock.ts";

// Opening a workflow: its rows, its route plan and its first timers, written once by `start`;
// or, when the quota refused the start, the one row that remembers the refusal.

export interface OpeningDeps {
  store: TrackerStore;
  sql: SqlStorage;
  config: EngineConfig;
  event: (type: string, data?: Record<string, unknown>) => void;
  countStarted: (workflowName: string) => void;
}

/** Writes the workflow's rows and timers; its first stage is carried by the start message. */
export function openWorkflow(deps: OpeningDeps, input: StartWorkflowInput): RoutePlan {
  const { store, config } = deps;
  const definition = findWorkflow(input.name);
  if (!definition) throw new Error(`Unknown workflow "${input.name}"`);
  const now = Date.now();
  store.insertWorkflow({
    workflow_id: input.workflowId,
    name: input.name,
    options_json: JSON.stringify(input.options),
    input_label: input.inputLabel,
    user_id: input.userId,
    guild_id: input.guildId,
    channel_id: input.channelId,
    application_id: input.applicationId,
    interaction_id: input.interactionId,
    interaction_token: input.interactionToken,
    received_at: input.receivedAt,
    token_expires_at: tokenExpiresAt(input.receivedAt, config),
    estimate_ms: input.estimateMs,
    deadline_at: initialDeadlineAt(
      input.receivedAt,
      input.softDeadlineMs,
      input.deadlineCapMs,
      config,
    ),
    status: "queued",
    stage_count: definition.stages.length,
    created_at: now,
    // The first stage has waited since the command: its start message was queued then.
    waiting_since: Math.min(input.receivedAt, now),
    stage_names: JSON.stringify(definition.stages.map((stage) => stage.name)),
    user_locale: (input.locales ?? ENGLISH_LOCALES).user,
    public_locale: (input.locales ?? ENGLISH_LOCALES).public,
  });
  if (input.resume) applyResume(store, input.resume, now);
  const plan = input.routePlan ?? ANY_ROUTE;
  saveRoutePlan(deps.sql, plan);
  const row = store.workflow();
  if (row) scheduleTokenTimers(store, row, config);
  // No route past the token: say so up front (in the start notice) instead of learning from 403s.
  if (row && !hasRoutePastToken(plan))
    store.schedule(Timer.startNotice, row.received_at + config.ackGraceMs);
  store.schedule(Timer.watch, now + config.queueWaitNoticeMs);
  if (row) scheduleDeadlineTimers(store, row.deadline_at, config, now);
  deps.event("workflow_started", { name: input.name, stages: definition.stages.length });
  deps.countStarted(input.name);
  if (input.resume)
    deps.event("workflow_resumed", {
      from: input.resume.fromWorkflowId,
      stage: input.resume.stage,
    });
  return plan;
}

/** Whether this tracker's start was refused a quota slot (and so no workflow was created). */
export function wasRefused(sql: SqlStorage): boolean {
  return sql.exec("SELECT 1 FROM quota_refusal WHERE id = 1").toArray().length > 0;
}

/**
 * A refused start leaves one row, so that a redelivered or replayed start message cannot start
 * the workflow later; the consumer tells the user. Returns when the row may go: when the token
 * would have died, after which no delivery of that message can still arrive usefully.
 */
export function rememberRefusal(
  sql: SqlStorage,
  input: StartWorkflowInput,
  config: EngineConfig,
): number {
  sql.exec("INSERT OR REPLACE INTO quota_refusal (id, refused_at) VALUES (1, ?)", Date.now());
  return tokenExpiresAt(input.receivedAt, config);
}
