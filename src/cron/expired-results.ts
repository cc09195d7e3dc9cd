import { resultPrefix } from "../results/result-store.ts";
import { trackerStub } from "../tracker/api.ts";
import { mapBounded, slices } from "./in-batches.ts";

/** Rows read per page; each page costs one D1 read, a few R2 lists and deletes, one D1 batch. */
const PAGE = 500;
/** A Worker's simultaneous connections: more calls at once only queue in the runtime. */
const AT_ONCE = 6;
/** R2 deletes at most 1,000 keys per call. */
const R2_DELETE_MAX = 1000;
/** D1 binds at most 100 parameters per statement. */
const D1_PARAMS_MAX = 100;
/** Where a workflow's objects live: `results/<id>/…` (result, report, history), `workflows/<id>/…`. */
const ROOTS = ["results/", "workflows/"] as const;

interface ExpiredRow {
  workflow_id: string;
  r2_prefix: string;
  tracker_cleared_at: number | null;
}

/**
 * The keys under `root` of the page's workflows (`ids` sorted): one listing of the key range
 * from the first id to the last, so a page costs about one list call per 1,000 objects in that
 * range instead of one per workflow.
 */
async function keysInRange(bucket: R2Bucket, root: string, ids: string[]): Promise<string[]> {
  const wanted = new Set(ids);
  const last = ids.at(-1) ?? "";
  const keys: string[] = [];
  let cursor: string | undefined;
  for (;;) {
    const listing = await bucket.list({
      prefix: root,
      ...(cursor ? { cursor } : { startAfter: `${root}${ids[0] ?? ""}` }),
    });
    for (const { key } of listing.objects) {
      const id = key.slice(root.length).split("/")[0] ?? "";
      if (id > last) return keys;
      if (wanted.has(id)) keys.push(key);
    }
    if (!listing.truncated) return keys;
    cursor = listing.cursor;
  }
}

/** A row whose objects are under another prefix than the usual one (older releases). */
async function keysUnder(bucket: R2Bucket, prefix: string): Promise<string[]> {
  return (await bucket.list({ prefix })).objects.map((object) => object.key);
}

/** One page: trackers not yet freed, then every R2 object of the rows, then the rows. */
async function deletePage(env: Env, rows: ExpiredRow[]): Promise<void> {
  // The tracker first: purging archives its history under the result's prefix, deleted next.
  await mapBounded(
    rows.filter((row) => row.tracker_cleared_at === null),
    AT_ONCE,
    (row) => trackerStub(env, row.workflow_id).purge(),
  );
  const ids = rows.map((row) => row.workflow_id);
  const unusual = rows.filter(
    (row) => row.r2_prefix && row.r2_prefix !== resultPrefix(row.workflow_id),
  );
  const keys = (
    await Promise.all([
      ...ROOTS.map((root) => keysInRange(env.RESULTS, root, ids)),
      ...unusual.map((row) => keysUnder(env.RESULTS, row.r2_prefix)),
    ])
  ).flat();
  await mapBounded(slices(keys, R2_DELETE_MAX), AT_ONCE, (chunk) => env.RESULTS.delete(chunk));
  await env.DB.batch(
    slices(ids, D1_PARAMS_MAX).map((chunk) =>
      env.DB.prepare(
        `DELETE FROM results WHERE workflow_id IN (${chunk.map(() => "?").join(", ")})`,
      ).bind(...chunk),
    ),
  );
}

/**
 * Results created before `cutoff`: R2 objects, stage outputs, tracker storage, index row. Pages
 * in id order until none is left or `deadline` passes (at least one page per run, so each run
 * progresses); a page's rows are deleted last, so a page cut short by a failure is taken again.
 */
export async function deleteExpiredResults(
  env: Env,
  cutoff: number,
  deadline: number,
): Promise<number> {
  let deleted = 0;
  do {
    const { results: rows } = await env.DB.prepare(
      `SELECT workflow_id, r2_prefix, tracker_cleared_at FROM results WHERE created_at < ?
       ORDER BY workflow_id LIMIT ?`,
    )
      .bind(cutoff, PAGE)
      .all<ExpiredRow>();
    if (rows.length === 0) break;
    await deletePage(env, rows);
    deleted += rows.length;
    if (rows.length < PAGE) break;
  } while (Date.now() < deadline);
  return deleted;
}
