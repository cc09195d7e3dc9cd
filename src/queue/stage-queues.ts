// Two queues carry stage messages, consumed by the same handler (src/index.ts): the stage queue
// (STAGES) for ordinary stages, and the bulk queue (BULK_STAGES) for stages marked `bulk` (see
// StageDefinition.bulk). This file is the one place that says which message goes where.
import type { StageDefinition } from "../workflow/definition.ts";
import { findStage } from "../workflow/registry.ts";

export type StageQueue = "stages" | "bulk";

/** The queue of a stage definition; an unknown stage (a dropped kind) goes to the stage queue. */
export function queueOfStage(
  stage: Pick<StageDefinition<unknown>, "bulk"> | undefined,
): StageQueue {
  return stage?.bulk ? "bulk" : "stages";
}

/** The queue of a kind's stage, looked up by name (current or retired stages). */
export function queueOfNamedStage(workflowName: string, stageName: string): StageQueue {
  return queueOfStage(findStage(workflowName, stageName));
}

/** The binding that sends to that queue. */
export function stageQueueBinding(env: Env, queue: StageQueue): Queue {
  return queue === "bulk" ? env.BULK_STAGES : env.STAGES;
}

/** The binding for a named stage of a kind (either unknown: the stage queue). */
export function stageQueueFor(
  env: Env,
  workflowName: string | undefined,
  stageName: string | undefined,
): Queue {
  const known = workflowName !== undefined && stageName !== undefined;
  return stageQueueBinding(env, known ? queueOfNamedStage(workflowName, stageName) : "stages");
}
