import { progressStamp } from "./progress-clock.ts";
import {
  ADDED_COLUMNS,
  blankStage,
  RETIRED_TABLES,
  type StageRow,
  type TimerRow,
  TRACKER_SCHEMA,
  type WorkflowEvent,
  type WorkflowRow,
} from "./schema.ts";

type SqlValue = string | number | null;

function assignments(fields: Record<string, SqlValue | undefined>): {
  sql: string;
  values: SqlValue[];
} {
  const entries = Object.entries(fields).filter(([, v]) => v !== undefined) as [string, SqlValue][];
  return { sql: entries.map(([k]) => `${k} = ?`).join(", "), values: entries.map(([, v]) => v) };
}

export interface TrackerStoreOptions {
  /** The workflow's first visible progress was just written (time to first progress). */
  onFirstProgress?: (row: WorkflowRow) => void;
}

/** Typed access to one tracker's SQLite storage. Column names come from code, never input. */
export class TrackerStore {
  private readonly sql: SqlStorage;
  private readonly onFirstProgress: (row: WorkflowRow) => void;

  constructor(sql: SqlStorage, options: TrackerStoreOptions = {}) {
    this.sql = sql;
    this.onFirstProgress = options.onFirstProgress ?? (() => {});
    this.sql.exec(TRACKER_SCHEMA);
    this.addMissingColumns();
    this.retireTables();
  }

  /** A tracker created by an older release gains the columns added since (ALTER is cheap). */
  private addMissingColumns(): void {
    const columns = new Map<string, Set<string>>();
    for (const { table, column, definition } of ADDED_COLUMNS) {
      let known = columns.get(table);
      if (!known) {
        known = new Set(this.sql.exec(`SELECT * FROM ${table} LIMIT 0`).columnNames);
        columns.set(table, known);
      }
      if (!known.has(column))
        this.sql.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`);
    }
  }

  /** A tracker created by an older release moves what its retired tables held (once). */
  private retireTables(): void {
    const names = RETIRED_TABLES.map(() => "?").join(", ");
    const present = new Set(
      this.sql
        .exec(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name IN (${names})`,
          ...RETIRED_TABLES.map((retired) => retired.table),
        )
        .toArray()
        .map((row) => row.name as string),
    );
    for (const { table, adopt } of RETIRED_TABLES) if (present.has(table)) this.sql.exec(adopt);
  }

  workflow(): WorkflowRow | null {
    return (
      (this.sql
        .exec("SELECT * FROM workflow WHERE id = 1")
        .toArray()[0] as unknown as WorkflowRow) ?? null
    );
  }

  insertWorkflow(
    row: Omit<
      WorkflowRow,
      | "progress_version"
      | "flushed_version"
      | "last_flush_at"
      | "delivery_state"
      | "delivery_rung"
      | "current_stage"
      | "progress_label"
      | "progress_fraction"
      | "handoff_route"
      | "handoff_webhook_id"
      | "handoff_webhook_token"
      | "handoff_channel_id"
      | "handoff_message_id"
      | "result_key"
      | "delivery_route"
      | "delivered_message_id"
      | "delivered_at"
      | "finished_at"
      | "error"
      | "token_dead_at"
      | "first_progress_at"
      | "last_progress_at"
      | "deadline_extensions"
    >,
  ): void {
    const keys = Object.keys(row);
    this.sql.exec(
      `INSERT INTO workflow (id, ${keys.join(", ")}) VALUES (1, ${keys.map(() => "?").join(", ")})`,
      ...(Object.values(row) as SqlValue[]),
    );
  }

  updateWorkflow(fields: Partial<WorkflowRow>): void {
    const { sql, values } = assignments(fields as Record<string, SqlValue>);
    if (sql) this.sql.exec(`UPDATE workflow SET ${sql} WHERE id = 1`, ...values);
  }

  /**
   * Updates the workflow and marks what the user sees as stale (the next flush shows the latest
   * state), in one statement: one row written.
   */
  touchProgress(fields: Partial<WorkflowRow> = {}): void {
    const { sql, values } = assignments(fields as Record<string, SqlValue>);
    this.sql.exec(
      `UPDATE workflow SET ${sql ? `${sql}, ` : ""}progress_version = progress_version + 1 WHERE id = 1`,
      ...values,
    );
  }

  /**
   * `touchProgress` for the workflow moving on (a claim, a stage's report, a completion): when
   * what the user sees changes, the same statement stamps it as progress (progress-clock.ts).
   */
  reportProgress(fields: Partial<WorkflowRow>, at: number): void {
    const before = this.workflow();
    const stamp = before && progressStamp(before, fields, at);
    this.touchProgress({ ...fields, ...stamp });
    if (stamp?.first_progress_at !== undefined) {
      const row = this.workflow();
      if (row) this.onFirstProgress(row);
    }
  }

  /** Stage names of a workflow started by this release (older ones wrote every row at start). */
  private stageNames(): string[] | null {
    const row = this.sql.exec("SELECT stage_names FROM workflow WHERE id = 1").toArray()[0];
    const json = row?.stage_names;
    return typeof json === "string" ? (JSON.parse(json) as string[]) : null;
  }

  /** Every stage, in order; stages not written yet appear as blank pending rows. */
  stages(): StageRow[] {
    const rows = this.sql
      .exec("SELECT * FROM stages ORDER BY idx")
      .toArray() as unknown as StageRow[];
    const names = this.stageNames();
    if (!names) return rows;
    const byIdx = new Map(rows.map((row) => [row.idx, row]));
    return names.map((name, idx) => byIdx.get(idx) ?? blankStage(idx, name));
  }

  /** One stage, blank while not written yet; null beyond the last. */
  stage(idx: number): StageRow | null {
    const row = this.sql.exec("SELECT * FROM stages WHERE idx = ?", idx).toArray()[0];
    if (row) return row as unknown as StageRow;
    const name = this.stageNames()?.[idx];
    return name === undefined ? null : blankStage(idx, name);
  }

  /** Writes a stage's fields: one row written, inserting the row on its first write. */
  updateStage(idx: number, fields: Partial<StageRow>): void {
    const { sql, values } = assignments(fields as Record<string, SqlValue>);
    if (!sql) return;
    const updated = this.sql.exec(`UPDATE stages SET ${sql} WHERE idx = ?`, ...values, idx);
    if (updated.rowsWritten > 0) return;
    const name = this.stageNames()?.[idx];
    if (name === undefined) return;
    const columns = Object.keys(fields).filter(
      (key) => (fields as Record<string, unknown>)[key] !== undefined,
    );
    this.sql.exec(
      `INSERT INTO stages (idx, name, ${columns.join(", ")}) VALUES (?, ?, ${columns.map(() => "?").join(", ")})`,
      idx,
      name,
      ...values,
    );
  }

  /**
   * Sets a timer row. `keepEarlier` leaves an earlier (or equal) due time alone, so hot paths
   * that re-assert a timer write nothing when it is already armed in time. The payload is kept
   * unless a new one is given.
   */
  schedule(
    name: string,
    dueAt: number,
    options: { keepEarlier?: boolean; attempts?: number; payload?: unknown } = {},
  ): void {
    const existing = this.timer(name);
    const due = Math.round(dueAt);
    if (existing && options.keepEarlier && existing.due_at <= due) return;
    const payload =
      options.payload === undefined ? (existing?.payload ?? null) : JSON.stringify(options.payload);
    const attempts = options.attempts ?? existing?.attempts ?? 0;
    if (
      existing &&
      existing.due_at === due &&
      existing.attempts === attempts &&
      existing.payload === payload
    )
      return;
    this.sql.exec(
      "INSERT INTO timers (name, due_at, attempts, payload) VALUES (?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET due_at = excluded.due_at, attempts = excluded.attempts, payload = excluded.payload",
      name,
      due,
      attempts,
      payload,
    );
  }

  cancelTimer(...names: string[]): void {
    for (const name of names) this.sql.exec("DELETE FROM timers WHERE name = ?", name);
  }

  timer(name: string): TimerRow | null {
    return (
      (this.sql
        .exec("SELECT * FROM timers WHERE name = ?", name)
        .toArray()[0] as unknown as TimerRow) ?? null
    );
  }

  dueTimers(now: number): TimerRow[] {
    return this.sql
      .exec("SELECT * FROM timers WHERE due_at <= ? ORDER BY due_at, name", now)
      .toArray() as unknown as TimerRow[];
  }

  nextDue(): number | null {
    const row = this.sql.exec("SELECT MIN(due_at) AS next FROM timers").one() as {
      next: number | null;
    };
    return row.next;
  }

  appendEvent(
    type: string,
    data: Record<string, unknown>,
    at: number,
    version: string | null,
  ): WorkflowEvent {
    const row = this.sql
      .exec(
        "INSERT INTO events (at, type, data, version) VALUES (?, ?, ?, ?) RETURNING seq",
        at,
        type,
        JSON.stringify(data),
        version,
      )
      .one() as { seq: number };
    return { seq: row.seq, at, type, data, version };
  }

  /** The version that wrote the latest event; undefined when there is none yet. */
  lastEventVersion(): string | null | undefined {
    const row = this.sql.exec("SELECT version FROM events ORDER BY seq DESC LIMIT 1").toArray()[0];
    return row === undefined ? undefined : ((row.version as string | null) ?? null);
  }

  events(since: number, limit: number): WorkflowEvent[] {
    return this.sql
      .exec(
        "SELECT seq, at, type, data, version FROM events WHERE seq > ? ORDER BY seq LIMIT ?",
        since,
        limit,
      )
      .toArray()
      .map((row) => ({
        seq: row.seq as number,
        at: row.at as number,
        type: row.type as string,
        data: JSON.parse(row.data as string) as Record<string, unknown>,
        version: (row.version as string | null) ?? null,
      }));
  }

  /** Frees the object's storage once its result is safely in R2 and D1 (retention). */
  deleteAll(): void {
    this.sql.exec(
      "DELETE FROM workflow; DELETE FROM stages; DELETE FROM timers; DELETE FROM events;",
    );
  }
}
