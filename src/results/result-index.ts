// Reads of the D1 results index: lookups for /retrieve_results and its autocomplete.

export interface ResultIndexRow {
  workflow_id: string;
  command: string;
  input: string;
  user_id: string;
  guild_id: string | null;
  channel_id: string | null;
  status: "completed" | "failed" | "cancelled";
  summary: string;
  r2_prefix: string;
  size_bytes: number;
  created_at: number;
  completed_at: number;
  delivered_at: number | null;
  delivery_route: string | null;
  retrieved_at: number | null;
  retrieval_count: number;
  owner_retrieved_at: number | null;
  /** The owner's language (null: stored before languages, English). */
  user_locale: string | null;
}

export async function findResult(
  db: D1Database,
  workflowId: string,
): Promise<ResultIndexRow | null> {
  return db
    .prepare("SELECT * FROM results WHERE workflow_id = ?")
    .bind(workflowId)
    .first<ResultIndexRow>();
}

/** The user's results, newest first; `search` narrows by id prefix or input substring. */
export async function recentResults(
  db: D1Database,
  userId: string,
  limit: number,
  search = "",
): Promise<ResultIndexRow[]> {
  const pattern = `%${search.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  const { results } = await db
    .prepare(
      `SELECT * FROM results WHERE user_id = ? AND (? = '' OR workflow_id LIKE ? ESCAPE '\\' OR input LIKE ? ESCAPE '\\')
       ORDER BY created_at DESC LIMIT ?`,
    )
    .bind(userId, search, `${search.replace(/[%_\\]/g, (c) => `\\${c}`)}%`, pattern, limit)
    .all<ResultIndexRow>();
  return results;
}

/** `byOwner`: the owner has the result now, so the cron stops re-driving it. */
export async function recordRetrieval(
  db: D1Database,
  workflowId: string,
  at: number,
  byOwner: boolean,
): Promise<void> {
  await db
    .prepare(
      "UPDATE results SET retrieved_at = ?1, retrieval_count = retrieval_count + 1, owner_retrieved_at = CASE WHEN ?2 THEN COALESCE(owner_retrieved_at, ?1) ELSE owner_retrieved_at END WHERE workflow_id = ?3",
    )
    .bind(at, byOwner ? 1 : 0, workflowId)
    .run();
}
