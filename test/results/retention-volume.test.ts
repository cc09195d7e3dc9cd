// Retention keeps up with volume: one cron run deletes 10,000 expired results (index rows and
// their R2 objects) inside its budget, instead of 100 an hour; a run cut short by its budget
// still makes progress, and the next run continues.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { slices } from "../../src/cron/in-batches.ts";
import { runMaintenance } from "../../src/cron/retention.ts";
import { createLogger } from "../../src/log.ts";

const DAY = 86_400_000;
const SEEDED = 10_000;
const log = createLogger({ test: "retention-volume" });
const COLUMNS =
  "(workflow_id, command, input, user_id, status, summary, r2_prefix, size_bytes, created_at, completed_at, delivered_at, delivery_route, tracker_cleared_at)";

/**
 * `count` results created `ageDays` ago, delivered and with their trackers long freed. Every
 * tenth has its R2 objects (result, report, and a stage output): seeding 30,000 objects into
 * local R2 would take minutes; the rows without objects cost the cron the same D1 work.
 */
async function seedResults(count: number, tag: string, ageDays = 40): Promise<string[]> {
  const at = Date.now() - ageDays * DAY;
  const ids = Array.from({ length: count }, (_, i) => `${tag}-${String(i).padStart(5, "0")}`);
  // 6 parameters a row: 16 rows per statement stays under D1's 100 bound parameters.
  const batch = slices(ids, 16).map((chunk) =>
    env.DB.prepare(
      `INSERT INTO results ${COLUMNS} VALUES ${chunk
        .map(() => "(?, 'volume', 'x', 'u', 'completed', 's', ?, 10, ?, ?, ?, 'interaction', ?)")
        .join(", ")}`,
    ).bind(...chunk.flatMap((id) => [id, `results/${id}/`, at, at, at, at])),
  );
  for (const part of slices(batch, 100)) await env.DB.batch(part);
  const withObjects = ids.filter((_, i) => i % 10 === 0);
  for (const chunk of slices(withObjects, 50))
    await Promise.all(
      chunk.flatMap((id) => [
        env.RESULTS.put(`results/${id}/result.json`, "{}"),
        env.RESULTS.put(`results/${id}/report.md`, "# old"),
        env.RESULTS.put(`workflows/${id}/stages/crawl.json`, "{}"),
      ]),
    );
  return ids;
}

async function remainingRows(tag: string): Promise<number> {
  const row = await env.DB.prepare("SELECT COUNT(*) AS n FROM results WHERE workflow_id LIKE ?")
    .bind(`${tag}-%`)
    .first<{ n: number }>();
  return row?.n ?? -1;
}

async function remainingObjects(prefix: string): Promise<number> {
  let count = 0;
  let cursor: string | undefined;
  do {
    const listing = await env.RESULTS.list({ prefix, ...(cursor ? { cursor } : {}) });
    count += listing.objects.length;
    cursor = listing.truncated ? listing.cursor : undefined;
  } while (cursor);
  return count;
}

describe("retention at volume", () => {
  it("deletes 10,000 expired results in one run, inside the run's budget", {
    timeout: 240_000,
  }, async () => {
    await seedResults(SEEDED, "vol");
    // Newer results whose ids sort among the expired ones: their objects lie in the listed ranges.
    const kept = await seedResults(30, "vol-00500-kept", 1);
    expect(await remainingRows("vol")).toBe(SEEDED + kept.length);
    const started = Date.now();
    const report = await runMaintenance(env, Date.now(), log);
    const elapsedMs = Date.now() - started;
    console.log(`retention: ${report.resultsDeleted} results deleted in ${elapsedMs} ms`);
    expect(report.resultsDeleted).toBe(SEEDED);
    expect(await remainingRows("vol")).toBe(kept.length);
    expect(await remainingRows("vol-00500-kept")).toBe(kept.length);
    // Only the kept results' objects are left (every tenth was seeded with three).
    expect(await remainingObjects("results/vol-")).toBe(
      await remainingObjects("results/vol-00500-kept"),
    );
    expect(await remainingObjects("results/vol-00500-kept")).toBe(2 * 3);
    expect(await remainingObjects("workflows/vol-")).toBe(3);
    expect(elapsedMs).toBeLessThan(300_000); // MAINTENANCE_BUDGET_SECONDS' default
  });

  it("a run out of budget stops after a page, and the next run continues", async () => {
    await seedResults(1_200, "cut");
    const tight = { ...env, MAINTENANCE_BUDGET_SECONDS: "0" } as Env;
    const first = await runMaintenance(tight, Date.now(), log);
    expect(first.resultsDeleted).toBeGreaterThan(0);
    expect(first.resultsDeleted).toBeLessThan(1_200);
    expect(await remainingRows("cut")).toBe(1_200 - first.resultsDeleted);
    const second = await runMaintenance(env, Date.now(), log);
    expect(second.resultsDeleted).toBe(1_200 - first.resultsDeleted);
    expect(await remainingRows("cut")).toBe(0);
    expect(await remainingObjects("results/cut-")).toBe(0);
  });
});
