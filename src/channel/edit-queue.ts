import type { ProgressEdit } from "./outbox-types.ts";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS edits (
  workflow_id TEXT PRIMARY KEY,
  edit_json TEXT NOT NULL,
  version INTEGER NOT NULL,
  queued_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS finished (
  workflow_id TEXT PRIMARY KEY,
  at INTEGER NOT NULL
);`;

/** A finished workflow's late progress edits are dropped for this long. */
const FINISHED_MEMORY_MS = 3_600_000;

export interface QueuedEdit {
  edit: ProgressEdit;
  version: number;
}

/**
 * Progress edits waiting for the channel's bucket: one row per workflow. A newer state replaces
 * the body but keeps the row's place in line (latest state wins, no workflow jumps the queue);
 * after a send the workflow's next state goes to the back (fair across workflows).
 */
export class EditQueue {
  private readonly sql: SqlStorage;

  constructor(sql: SqlStorage) {
    this.sql = sql;
    sql.exec(SCHEMA);
  }

  put(edit: ProgressEdit, now: number): void {
    if (
      this.sql.exec("SELECT 1 FROM finished WHERE workflow_id = ?", edit.workflowId).toArray()
        .length
    )
      return;
    this.sql.exec(
      "INSERT INTO edits (workflow_id, edit_json, version, queued_at) VALUES (?, ?, 1, ?) ON CONFLICT(workflow_id) DO UPDATE SET edit_json = excluded.edit_json, version = edits.version + 1",
      edit.workflowId,
      JSON.stringify(edit),
      now,
    );
  }

  /** The edit that has waited longest. */
  next(): QueuedEdit | null {
    const row = this.sql
      .exec("SELECT edit_json, version FROM edits ORDER BY queued_at, workflow_id LIMIT 1")
      .toArray()[0];
    return row
      ? { edit: JSON.parse(String(row.edit_json)) as ProgressEdit, version: Number(row.version) }
      : null;
  }

  /** Whether this version is still the one waiting (a result may have overtaken it). */
  isCurrent(workflowId: string, version: number): boolean {
    return (
      this.sql
        .exec("SELECT 1 FROM edits WHERE workflow_id = ? AND version = ?", workflowId, version)
        .toArray().length > 0
    );
  }

  /** Sent (or pointless): gone, unless a newer state arrived meanwhile, which goes to the back. */
  done(workflowId: string, version: number, now: number): void {
    this.sql.exec("DELETE FROM edits WHERE workflow_id = ? AND version = ?", workflowId, version);
    this.sql.exec("UPDATE edits SET queued_at = ? WHERE workflow_id = ?", now, workflowId);
  }

  /** The workflow's result is going out: no progress edit may follow it. */
  finish(workflowId: string, now: number): void {
    this.sql.exec("DELETE FROM edits WHERE workflow_id = ?", workflowId);
    this.sql.exec(
      "INSERT INTO finished (workflow_id, at) VALUES (?, ?) ON CONFLICT(workflow_id) DO NOTHING",
      workflowId,
      now,
    );
    this.sql.exec("DELETE FROM finished WHERE at < ?", now - FINISHED_MEMORY_MS);
  }

  size(): number {
    return Number(this.sql.exec("SELECT COUNT(*) AS n FROM edits").one().n);
  }
}
