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
}

// The stub is typed by the plain TrackerApi interface the class implements: its payloads are
// JSON, and the generic RPC type mapping of recursive JSON types exceeds tsc's depth limit.
export function trackerStub(env: Env, workflowId: string): TrackerApi {
  return env.WORKFLOWS.get(env.WORKFLOWS.idFromName(workflowId)) as unknown as TrackerApi;
}

export type StartOutcome =
  | { started: true; workflowId: string }
  | { started: false; reason: "quota"; running: RunningWorkflow[] };

/**
 * Takes a quota slot, then creates the workflow's tracker, which persists it and enqueues the
 * first stage. A start that fails gives its slot back.
 */
export async function startWorkflow(
  env: Env,
  workflow: AnyWorkflowDefinition,
  options: JsonValue,
  origin: InteractionOrigin,
  resume: ResumePoint | null = null,
): Promise<StartOutcome> {
  const workflowId = crypto.randomUUID();
  const inputLabel = workflow.describeInput(options);
  const slot = {
    workflowId,
    userId: origin.userId,
    guildId: origin.guildId,
    command: workflow.name,
    input: inputLabel,
  };
  if (!(await claimRunningSlot(env.DB, slot, quotaLimits(env), Date.now()))) {
    return {
      started: false,
      reason: "quota",
      running: await runningWorkflowsOf(env.DB, origin.userId),
    };
  }
  try {
    await trackerStub(env, workflowId).start({
      workflowId,
      name: workflow.name,
      options,
      inputLabel,
      estimateMs: workflow.estimateMs(options),
      softDeadlineMs: workflow.softDeadlineMs?.(options) ?? null,
      deadlineCapMs: workflow.deadlineCapMs?.(options) ?? null,
      resume,
      ...origin,
    });
  } catch (error) {
    await releaseRunningSlot(env.DB, workflowId);
    throw error;
  }
  return { started: true, workflowId };
}
