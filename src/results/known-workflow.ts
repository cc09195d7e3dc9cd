/**
 * What D1 knows of a workflow id, read before any tracker is woken: a running workflow holds its
 * quota slot (running_workflows) until its result is indexed (results), in one batch, so a started
 * workflow is always in one of the two. An id in neither is unknown: no Durable Object is created
 * for it (a button with a made-up id would otherwise leave an empty tracker behind).
 */
export interface KnownWorkflow {
  state: "running" | "finished";
  userId: string;
}

export async function knownWorkflow(
  db: D1Database,
  workflowId: string,
): Promise<KnownWorkflow | null> {
  return db
    .prepare(
      `SELECT 'running' AS state, user_id AS userId FROM running_workflows WHERE workflow_id = ?1
       UNION ALL SELECT 'finished', user_id FROM results WHERE workflow_id = ?1 LIMIT 1`,
    )
    .bind(workflowId)
    .first<KnownWorkflow>();
}
