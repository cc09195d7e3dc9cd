import type {
  InteractionOrigin,
  ResumePoint,
  StartMessage,
  StartWorkflowInput,
} from "../tracker/api.ts";

import type { AnyWorkflowDefinition, JsonValue } from "../workflow/definition.ts";
import { queueOfStage, stageQueueBinding } from "./stage-queues.ts";

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

const WORKFLOW_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether text from a button or an option has the shape of a workflow id (UUID-shaped). */
export function isWorkflowId(text: string): boolean {
  return WORKFLOW_ID.test(text);
}

/** A resume point above this size travels through R2: a queue message holds at most 128 KB. */
const INLINE_RESUME_BYTES = 96 * 1024;

/**
 * Sends the workflow's start message: the start path's only durable write, awaited before the
 * caller defers (durable before the ack). The consumer takes the quota slot and creates the
 * tracker (start-admission.ts). Idempotent per interaction: a replay sends a message naming the
 * same workflow, which starts nothing new. Returns the workflow's id.
 */
export async function startWorkflow(
  env: Env,
  workflow: AnyWorkflowDefinition,
  options: JsonValue,
  origin: InteractionOrigin,
  resume: ResumePoint | null = null,
): Promise<string> {
  const workflowId = await workflowIdFor(origin.applicationId, origin.interactionId);
  const input: StartWorkflowInput = {
    workflowId,
    name: workflow.name,
    options,
    inputLabel: workflow.describeInput(options),
    estimateMs: workflow.estimateMs(options),
    softDeadlineMs: workflow.softDeadlineMs?.(options) ?? null,
    deadlineCapMs: workflow.deadlineCapMs?.(options) ?? null,
    outboundRequests: workflow.outboundRequests?.(options) ?? 0,
    ...origin,
    ...(await resumeInMessage(env, workflowId, resume)),
  };
  const stage = resume?.stage ?? 0;
  await stageQueueBinding(env, queueOfStage(workflow.stages[stage])).send({
    workflowId,
    stage,
    invocation: 1,
    start: input,
  } satisfies StartMessage);
  return workflowId;
}

/** Retry's resume point: inline when small, else written to R2 first and named. */
async function resumeInMessage(
  env: Env,
  workflowId: string,
  resume: ResumePoint | null,
): Promise<Pick<StartWorkflowInput, "resume" | "resumeRef">> {
  if (!resume) return {};
  const json = JSON.stringify(resume);
  if (new TextEncoder().encode(json).length <= INLINE_RESUME_BYTES) return { resume };
  const resumeRef = `workflows/${workflowId}/resume.json`;
  await env.RESULTS.put(resumeRef, json);
  return { resumeRef };
}
