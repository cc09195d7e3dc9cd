import type { AnyWorkflowDefinition, JsonValue } from "./definition.ts";
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

/** Creates the workflow's tracker, which persists it and enqueues the first stage. */
export async function startWorkflow(
  env: Env,
  workflow: AnyWorkflowDefinition,
  options: JsonValue,
  origin: InteractionOrigin,
): Promise<{ workflowId: string }> {
  const workflowId = crypto.randomUUID();
  await trackerStub(env, workflowId).start({
    workflowId,
    name: workflow.name,
    options,
    inputLabel: workflow.describeInput(options),
    estimateMs: workflow.estimateMs(options),
    ...origin,
  });
  return { workflowId };
}
