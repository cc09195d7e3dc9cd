import type { RoutePlan } from "../delivery/route-plan.ts";
import type { AnyWorkflowDefinition, JsonValue } from "./definition.ts";
import {
  claimRunningSlot,
  quotaLimits,
  type RunningWorkflow,
  releaseRunningSlot,
  runningWorkflowsOf,
} from "./quotas.ts";
import type { ResumePoint } from "./resume.ts";
import type { TrackerApi } from "./tracker-types.ts";

export interface InteractionOrigin {
  userId: string;
  guildId: string | null;
  channelId: string | null;
  applicationId: string;
  interactionId: string;
  interactionToken: string;
  receivedAt: number;
  /** Which rungs past the token can work here (src/delivery/route-plan.ts). */
  routePlan?: RoutePlan;
}

// The stub is typed by the plain TrackerApi interface the class implements: its payloads are
// JSON, and the generic RPC type mapping of recursive JSON types exceeds tsc's depth limit.
export function trackerStub(env: Env, workflowId: string): TrackerApi {
  return env.WORKFLOWS.get(env.WORKFLOWS.idFromName(workflowId)) as unknown as TrackerApi;
}

export type StartOutcome =
  | { started: true; workflowId: string; replayed: boolean }
  | { started: false; reason: "quota"; running: RunningWorkflow[] };

/**
 * The workflow's id, derived from the interaction that started it (a UUID-shaped digest): a
 * replayed or retried interaction names the same workflow and so cannot start a second one.
 */
export async function workflowIdFor(applicationId: string, interactionId: string): Promise<string> {
  const digest = new Uint8Array(
    await crypto.subtle.digest(
      "SHA-256",
      new TextEncoder().encode(`longflow:${applicationId}:${interactionId}`),
    ),
  );
  digest[6] = ((digest[6] ?? 0) & 0x0f) | 0x80; // version 8: a custom, name-based UUID
  digest[8] = ((digest[8] ?? 0) & 0x3f) | 0x80; // RFC 9562 variant
  const hex = [...digest.slice(0, 16)].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Takes a quota slot, then creates the workflow's tracker, which persists it and enqueues the
 * first stage. A start that fails gives its slot back. Idempotent per interaction: a replay
 * (same interaction id) finds the slot or the tracker already there and starts nothing.
 */
export async function startWorkflow(
  env: Env,
  workflow: AnyWorkflowDefinition,
  options: JsonValue,
  origin: InteractionOrigin,
  resume: ResumePoint | null = null,
): Promise<StartOutcome> {
  const workflowId = await workflowIdFor(origin.applicationId, origin.interactionId);
  const inputLabel = workflow.describeInput(options);
  const slot = {
    workflowId,
    userId: origin.userId,
    guildId: origin.guildId,
    command: workflow.name,
    input: inputLabel,
  };
  const claimed = await claimRunningSlot(env.DB, slot, quotaLimits(env), Date.now());
  if (claimed === "held") return { started: true, workflowId, replayed: true };
  if (claimed === "refused") {
    return {
      started: false,
      reason: "quota",
      running: await runningWorkflowsOf(env.DB, origin.userId),
    };
  }
  let created: boolean;
  try {
    ({ created } = await trackerStub(env, workflowId).start({
      workflowId,
      name: workflow.name,
      options,
      inputLabel,
      estimateMs: workflow.estimateMs(options),
      softDeadlineMs: workflow.softDeadlineMs?.(options) ?? null,
      deadlineCapMs: workflow.deadlineCapMs?.(options) ?? null,
      resume,
      ...origin,
    }));
  } catch (error) {
    await releaseRunningSlot(env.DB, workflowId);
    throw error;
  }
  // Replayed after the workflow ended (its slot was already given back): nothing new runs.
  if (!created) await releaseRunningSlot(env.DB, workflowId);
  return { started: true, workflowId, replayed: !created };
}
