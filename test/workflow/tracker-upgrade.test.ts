import { describe, expect, it } from "vitest";
import { TrackerStore } from "../../src/tracker/store.ts";
import { inFreshTracker } from "../helpers/fresh-tracker.ts";

// A tracker created by an earlier release wakes up under this one: its tables gain the columns
// added since, and what a retired table held moves to where this release keeps it.

/** The workflow row an earlier release wrote, with only the columns that are NOT NULL. */
const OLD_ROW = `INSERT INTO workflow (id, workflow_id, name, options_json, input_label, user_id,
  application_id, interaction_id, interaction_token, received_at, token_expires_at, estimate_ms,
  deadline_at, status, stage_count, created_at)
  VALUES (1, 'wf-old', 'old_flow', '{}', 'x', 'u', 'a', 'i', 't', 1000, 900000, 10, 60000,
  'running', 3, 1000)`;

/** The progress clock of that release, in a table of its own. */
const OLD_PROGRESS_WATCH = `CREATE TABLE progress_watch (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  label TEXT NOT NULL DEFAULT '',
  fraction REAL NOT NULL DEFAULT -1,
  stage INTEGER NOT NULL DEFAULT -1,
  first_progress_at INTEGER,
  last_progress_at INTEGER,
  extensions INTEGER NOT NULL DEFAULT 0
)`;

describe("a tracker from an earlier release", () => {
  it("keeps its progress clock when the clock moves onto the workflow row", async () => {
    const seen = await inFreshTracker((_store, sql) => {
      // Back to the earlier release's storage: no progress columns, the clock in its own table.
      sql.exec("DELETE FROM workflow");
      for (const column of ["first_progress_at", "last_progress_at", "deadline_extensions"])
        sql.exec(`ALTER TABLE workflow DROP COLUMN ${column}`);
      sql.exec(OLD_ROW);
      sql.exec(OLD_PROGRESS_WATCH);
      sql.exec(
        "INSERT INTO progress_watch (id, label, fraction, stage, first_progress_at, last_progress_at, extensions) VALUES (1, 'Crawling', 0.5, 1, 2000, 5000, 2)",
      );

      const row = new TrackerStore(sql).workflow();
      const tables = () =>
        sql
          .exec("SELECT name FROM sqlite_master WHERE type = 'table'")
          .toArray()
          .map((t) => t.name);
      const afterFirstWake = tables();
      // Waking up again finds nothing left to move.
      const again = new TrackerStore(sql).workflow();
      return { row, again, afterFirstWake, afterSecondWake: tables() };
    });
    expect(seen.row).toMatchObject({
      workflow_id: "wf-old",
      first_progress_at: 2000,
      last_progress_at: 5000,
      deadline_extensions: 2,
    });
    expect(seen.again).toEqual(seen.row);
    expect(seen.afterFirstWake).not.toContain("progress_watch");
    expect(seen.afterSecondWake).toEqual(seen.afterFirstWake);
  });
});
