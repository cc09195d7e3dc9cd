import type { WorkflowLocales } from "../i18n/workflow-locales.ts";
import type { JsonValue, WorkflowResult } from "../workflow/definition.ts";

export interface StoredResultMeta {
  workflowId: string;
  command: string;
  input: string;
  userId: string;
  guildId: string | null;
  channelId: string | null;
  status: "completed" | "failed" | "cancelled" | "timed_out";
  createdAt: number;
  completedAt: number;
  error: string | null;
  /** The options the workflow ran with, for "Run again" (absent in results stored before). */
  options?: JsonValue;
  /** The languages the workflow spoke (absent in results stored before: English). */
  locales?: WorkflowLocales;
}

export function resultPrefix(workflowId: string): string {
  return `results/${workflowId}/`;
}

/** Where a stage-written result file lives: beside the result, so retention deletes it too. */
export function resultFileKey(workflowId: string, name: string): string {
  return `${resultPrefix(workflowId)}files/${name}`;
}

/** A stage's scratch objects, under the result's prefix for the same reason. */
export function workFileKey(workflowId: string, name: string): string {
  return `${resultPrefix(workflowId)}work/${name}`;
}

/** Deletes every scratch object of a workflow (idempotent); its result files stay. */
export async function clearScratch(bucket: R2Bucket, workflowId: string): Promise<void> {
  const prefix = workFileKey(workflowId, "");
  // Each listing is at most 1,000 keys, deleted in one call; the loop ends when R2 has none.
  for (;;) {
    const listing = await bucket.list({ prefix });
    if (listing.objects.length === 0) return;
    await bucket.delete(listing.objects.map((object) => object.key));
    if (!listing.truncated) return;
  }
}

/**
 * Persist, then deliver: R2 gets the full result (result.json, report.md), D1 the index row, in
 * one batch (a transaction) with the caller's `alongside` statements once both objects are stored.
 * Idempotent: the same workflow writes the same keys and upserts the same row.
 */
export async function persistResult(
  env: Env,
  meta: StoredResultMeta,
  result: WorkflowResult,
  alongside: D1PreparedStatement[] = [],
): Promise<string> {
  const prefix = resultPrefix(meta.workflowId);
  const json = JSON.stringify({
    ...meta,
    summary: result.summary,
    fields: result.fields ?? [],
    findings: result.findings ?? [],
    files: result.files ?? [],
    data: result.data,
  });
  const customMetadata = { workflowId: meta.workflowId, userId: meta.userId, status: meta.status };
  await Promise.all([
    env.RESULTS.put(`${prefix}result.json`, json, {
      httpMetadata: { contentType: "application/json" },
      customMetadata,
    }),
    env.RESULTS.put(`${prefix}report.md`, result.markdown, {
      httpMetadata: { contentType: "text/markdown; charset=utf-8" },
      customMetadata,
    }),
  ]);
  const size =
    new TextEncoder().encode(json).byteLength +
    new TextEncoder().encode(result.markdown).byteLength +
    (result.files ?? []).reduce((sum, file) => sum + file.bytes, 0);
  const index = env.DB.prepare(
    `INSERT INTO results (workflow_id, command, input, user_id, guild_id, channel_id, status, summary, r2_prefix, size_bytes, created_at, completed_at, user_locale)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(workflow_id) DO UPDATE SET status = excluded.status, summary = excluded.summary, size_bytes = excluded.size_bytes, completed_at = excluded.completed_at`,
  ).bind(
    meta.workflowId,
    meta.command,
    meta.input.slice(0, 2048),
    meta.userId,
    meta.guildId,
    meta.channelId,
    meta.status,
    result.summary.slice(0, 500),
    prefix,
    size,
    meta.createdAt,
    meta.completedAt,
    meta.locales?.user ?? null,
  );
  await env.DB.batch([index, ...alongside]);
  return prefix;
}

export function recordDeliveryStatement(
  db: D1Database,
  workflowId: string,
  route: string,
  at: number,
): D1PreparedStatement {
  return db
    .prepare(
      "UPDATE results SET delivered_at = ?, delivery_route = ? WHERE workflow_id = ? AND delivered_at IS NULL",
    )
    .bind(at, route, workflowId);
}

export async function recordDelivery(
  db: D1Database,
  workflowId: string,
  route: string,
  at: number,
): Promise<void> {
  await recordDeliveryStatement(db, workflowId, route, at).run();
}

export interface StoredResult {
  meta: StoredResultMeta;
  result: WorkflowResult;
}

/** The result as persisted in R2 (the source of truth); null when it is gone (retention). */
export async function loadStoredResult(
  bucket: R2Bucket,
  prefix: string,
): Promise<StoredResult | null> {
  const [json, markdown] = await Promise.all([
    bucket.get(`${prefix}result.json`),
    bucket.get(`${prefix}report.md`),
  ]);
  if (!json || !markdown) return null;
  const stored = JSON.parse(await json.text()) as StoredResultMeta & {
    summary: string;
    fields?: WorkflowResult["fields"];
    findings?: WorkflowResult["findings"];
    files?: WorkflowResult["files"];
    data: JsonValue;
  };
  const { summary, fields, findings, files, data, ...meta } = stored;
  const markdownText = await markdown.text();
  return {
    meta,
    result: {
      summary,
      fields: fields ?? [],
      findings: findings ?? [],
      files: files ?? [],
      data,
      markdown: markdownText,
    },
  };
}
