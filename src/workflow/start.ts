import type { AnyWorkflowDefinition, JsonValue } from "./definition.ts";

export interface InteractionOrigin {
  userId: string;
  guildId: string | null;
  channelId: string | null;
  applicationId: string;
  interactionId: string;
  interactionToken: string;
  receivedAt: number;
}

export function trackerStub(env: Env, workflowId: string) {
  return env.WORKFLOWS.get(env.WORKFLOWS.idFromName(workflowId));
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
