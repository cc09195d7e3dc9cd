// Over 300 lines on purpose: the rows are cached per instance, which is correct only while every
// write goes through this one class; splitting it would let a write bypass the cache.
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
import { TimerRows } from "./timer-rows.ts";

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

/**
 * Typed access to one tracker's SQLite storage. Column names come from code, never input.
 *
 * Every write of the workflow row, the stage rows and the timers goes through this class, and a
 * Durable Object instance is the only writer of its storage: so the rows are read from SQLite
 * once per instance and kept as last written (each write returns the stored row, RETURNING *),
 * instead of being read again by every step of every call. A new instance reads afresh. The
 * rows handed out are frozen: a change goes through a write, never through the copy.
 */
export class TrackerStore {
  private readonly sql: SqlStorage;
  private readonly onFirstProgress: (row: WorkflowRow) => void;
  private readonly timerRows: TimerRows;
  /** The workflow row as stored; undefined until first read. */
  private row: WorkflowRow | null | undefined;
  /** Every written stage row by index; undefined until first read. */
  private stageRows: Map<number, StageRow> | undefined;
  /** `stage_names` parsed, for the JSON it was parsed from. */
  private names: { json: string | null; list: string[] | null } = { json: null, list: null };
  /** The version that wrote the latest event (null: none known); undefined until first read. */
  private eventVersion: { version: string | null } | null | undefined;

  constructor(sql: SqlStorage, options: TrackerStoreOptions = {}) {
    this.sql = sql;
    this.onFirstProgress = options.onFirstProgress ?? (() => {});
    this.sql.exec(TRACKER_SCHEMA);
    this.addMissingColumns();
    this.retireTables();
    this.timerRows = new TimerRows(sql);
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
    if (this.row === undefined)
      this.row = frozen<WorkflowRow>(
        this.sql.exec("SELECT * FROM workflow WHERE id = 1").toArray()[0],
      );
    return this.row;
  }

  /** Runs a statement that writes the workflow row and keeps the row it returns. */
  private writeWorkflow(query: string, values: SqlValue[]): void {
    this.row = frozen<WorkflowRow>(this.sql.exec(`${query} RETURNING *`, ...values).toArray()[0]);
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
    this.writeWorkflow(
      `INSERT INTO workflow (id, ${keys.join(", ")}) VALUES (1, ${keys.map(() => "?").join(", ")})`,
      Object.values(row) as SqlValue[],
    );
  }

  updateWorkflow(fields: Partial<WorkflowRow>): void {
    const { sql, values } = assignments(fields as Record<string, SqlValue>);
    if (sql) this.writeWorkflow(`UPDATE workflow SET ${sql} WHERE id = 1`, values);
  }

  /**
   * Updates the workflow and marks what the user sees as stale (the next flush shows the latest
   * state), in one statement: one row written.
   */
  touchProgress(fields: Partial<WorkflowRow> = {}): void {
    const { sql, values } = assignments(fields as Record<string, SqlValue>);
    this.writeWorkflow(
      `UPDATE workflow SET ${sql ? `${sql}, ` : ""}progress_version = progress_version + 1 WHERE id = 1`,
      values,
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
    const row = this.row;
    if (stamp?.first_progress_at !== undefined && row) this.onFirstProgress(row);
  }

  /** Stage names of a workflow started by this release (older ones wrote every row at start). */
  private stageNames(): string[] | null {
    const json = this.workflow()?.stage_names ?? null;
    if (json !== this.names.json)
      this.names = { json, list: json === null ? null : (JSON.parse(json) as string[]) };
    return this.names.list;
  }

  private writtenStages(): Map<number, StageRow> {
    if (!this.stageRows) {
      const rows = this.sql.exec("SELECT * FROM stages").toArray() as unknown as StageRow[];
      this.stageRows = new Map(rows.map((row) => [row.idx, Object.freeze(row)]));
    }
    return this.stageRows;
  }

  /** Every stage, in order; stages not written yet appear as blank pending rows. */
  stages(): StageRow[] {
    const written = this.writtenStages();
    const names = this.stageNames();
    if (!names) return [...written.values()].sort((a, b) => a.idx - b.idx);
    return names.map((name, idx) => written.get(idx) ?? blankStage(idx, name));
  }

  /** One stage, blank while not written yet; null beyond the last. */
  stage(idx: number): StageRow | null {
    const row = this.writtenStages().get(idx);
    if (row) return row;
    const name = this.stageNames()?.[idx];
    return name === undefined ? null : blankStage(idx, name);
  }

  /** Writes a stage's fields: one row written, inserting the row on its first write. */
  updateStage(idx: number, fields: Partial<StageRow>): void {
    const { sql, values } = assignments(fields as Record<string, SqlValue>);
    if (!sql) return;
    const written = this.writtenStages();
    let cursor: SqlStorageCursor<Record<string, SqlStorageValue>>;
    if (written.has(idx)) {
      cursor = this.sql.exec(`UPDATE stages SET ${sql} WHERE idx = ? RETURNING *`, ...values, idx);
    } else {
      const name = this.stageNames()?.[idx];
      if (name === undefined) return;
      const columns = Object.keys(fields).filter(
        (key) => (fields as Record<string, unknown>)[key] !== undefined,
      );
      cursor = this.sql.exec(
        `INSERT INTO stages (idx, name, ${columns.join(", ")}) VALUES (?, ?, ${columns.map(() => "?").join(", ")}) RETURNING *`,
        idx,
        name,
        ...values,
      );
    }
    const row = cursor.toArray()[0] as unknown as StageRow | undefined;
    if (row) written.set(idx, Object.freeze(row));
  }

  /** Sets a timer row (see TimerRows.schedule: `keepEarlier` writes nothing when armed in time). */
  schedule(
    name: string,
    dueAt: number,
    options: { keepEarlier?: boolean; attempts?: number; payload?: unknown } = {},
  ): void {
    this.timerRows.schedule(name, dueAt, options);
  }

  cancelTimer(...names: string[]): void {
    this.timerRows.cancel(names);
  }

  timer(name: string): TimerRow | null {
    return this.timerRows.get(name);
  }

  dueTimers(now: number): TimerRow[] {
    return this.timerRows.due(now);
  }

  nextDue(): number | null {
    return this.timerRows.nextDue();
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
    this.eventVersion = { version };
    return { seq: row.seq, at, type, data, version };
  }

  /** The version that wrote the latest event; undefined when there is none yet. */
  lastEventVersion(): string | null | undefined {
    if (this.eventVersion === undefined) {
      const row = this.sql
        .exec("SELECT version FROM events ORDER BY seq DESC LIMIT 1")
        .toArray()[0];
      this.eventVersion =
        row === undefined ? null : { version: (row.version as string | null) ?? null };
    }
    return this.eventVersion === null ? undefined : this.eventVersion.version;
  }

  lastEventSeq(): number {
    return (
      this.sql.exec("SELECT COALESCE(MAX(seq), 0) AS last FROM events").one() as { last: number }
    ).last;
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
}

function frozen<T>(row: Record<string, SqlStorageValue> | undefined): T | null {
  return row ? (Object.freeze(row) as unknown as T) : null;
}
