import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { trackerStub } from "../../src/tracker/api.ts";
import { startViaDiscord, waitForWorkflow } from "../helpers/workflow-harness.ts";
import { defineTestWorkflow } from "../support/test-workflow.ts";

const flow = defineTestWorkflow("purge_flow", [{ delayMs: 5 }]);

/** Rows left in each of the tracker's own tables (SQLite's and Cloudflare's internals aside). */
function rowsByTable(sql: SqlStorage): Record<string, number> {
  const tables = sql
    .exec(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'",
    )
    .toArray()
    .map((row) => String(row.name));
  return Object.fromEntries(
    tables.map((table) => [
      table,
      Number(sql.exec(`SELECT COUNT(*) AS n FROM "${table}"`).one().n),
    ]),
  );
}

describe("purge", () => {
  it("leaves none of the tracker's storage behind: no table, no key, no alarm", async () => {
    const started = await startViaDiscord(flow);
    await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
    const id = env.WORKFLOWS.idFromName(started.workflowId);
    const before = await runInDurableObject(env.WORKFLOWS.get(id), (_instance, state) =>
      rowsByTable(state.storage.sql),
    );
    // The tables the workflow wrote, the route plan among them, had rows to remove.
    expect(before.route_plan).toBe(1);
    expect(before.workflow).toBe(1);

    expect(await trackerStub(env, started.workflowId).purge()).toEqual({ purged: true });

    const after = await runInDurableObject(env.WORKFLOWS.get(id), async (_instance, state) => ({
      rows: rowsByTable(state.storage.sql),
      keys: [...(await state.storage.list()).keys()],
      alarm: await state.storage.getAlarm(),
    }));
    // deleteAll: the tables themselves are gone, not only their rows.
    expect(after.rows).toEqual({});
    expect(after.keys).toEqual([]);
    expect(after.alarm).toBeNull();
  });
});
