/** The body of a message on the "stages" queue: run invocation `invocation` of one stage. */
export interface StageMessage {
  workflowId: string;
  stage: number;
  /** Grows each time the stage is re-enqueued (yield or watchdog), so stale copies are skipped. */
  invocation: number;
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
