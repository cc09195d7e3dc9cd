import type { StartWorkflowInput } from "./rpc.ts";

/** The body of a message on the "stages" queue: run invocation `invocation` of one stage. */
export interface StageMessage {
  workflowId: string;
  stage: number;
  /** Grows each time the stage is re-enqueued (yield or watchdog), so stale copies are skipped. */
  invocation: number;
}

/**
 * The message a command sends before its deferred reply: the workflow's first stage, carrying
 * what the consumer needs to take the quota slot and create the tracker (start-admission.ts).
 * It is the start path's only durable write, and it stays the first stage's carrier.
 */
export interface StartMessage extends StageMessage {
  start: StartWorkflowInput;
}

export function parseStageMessage(body: unknown): StageMessage | null {
  if (typeof body !== "object" || body === null) return null;
  const { workflowId, stage, invocation } = body as Record<string, unknown>;
  if (typeof workflowId !== "string" || workflowId.length === 0 || workflowId.length > 100)
    return null;
  if (!Number.isInteger(stage) || (stage as number) < 0) return null;
  if (!Number.isInteger(invocation) || (invocation as number) < 1) return null;
  return { workflowId, stage: stage as number, invocation: invocation as number };
}

/** The start input a message carries, if it is a start message for the workflow it names. */
export function startInputOf(body: unknown, workflowId: string): StartWorkflowInput | null {
  const start = (body as { start?: unknown } | null)?.start;
  if (typeof start !== "object" || start === null) return null;
  const input = start as StartWorkflowInput;
  return input.workflowId === workflowId && typeof input.name === "string" ? input : null;
}
