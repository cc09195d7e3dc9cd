// SQLite schema of one WorkflowTracker. Idempotent: runs on every construction. Events use a
// plain INTEGER PRIMARY KEY (not AUTOINCREMENT): sequence numbers only grow while rows are only
// appended, and AUTOINCREMENT would cost a sqlite_sequence row written per event. Timers are
// WITHOUT ROWID: keyed by name, a timer write is one row instead of a row plus an index entry.
// This is the tracker's only storage: no key-value keys, no table created elsewhere.
export const TRACKER_SCHEMA = `
CREATE TABLE IF NOT EXISTS workflow (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  workflow_id TEXT NOT NULL,
  name TEXT NOT NULL,
  options_json TEXT NOT NULL,
  input_label TEXT NOT NULL,
  user_id TEXT NOT NULL,
  guild_id TEXT,
  channel_id TEXT,
  application_id TEXT NOT NULL,
  interaction_id TEXT NOT NULL,
  interaction_token TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  token_expires_at INTEGER NOT NULL,
  token_dead_at INTEGER,
  estimate_ms INTEGER NOT NULL,
  deadline_at INTEGER NOT NULL,
  status TEXT NOT NULL,
  current_stage INTEGER NOT NULL DEFAULT 0,
  stage_count INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  finished_at INTEGER,
  error TEXT,
  progress_label TEXT NOT NULL DEFAULT '',
  progress_fraction REAL NOT NULL DEFAULT 0,
  progress_version INTEGER NOT NULL DEFAULT 1,
  flushed_version INTEGER NOT NULL DEFAULT 0,
  last_flush_at INTEGER NOT NULL DEFAULT 0,
  handoff_route TEXT,
  handoff_webhook_id TEXT,
  handoff_webhook_token TEXT,
  handoff_channel_id TEXT,
  handoff_message_id TEXT,
  result_key TEXT,
  delivery_state TEXT NOT NULL DEFAULT 'none',
  delivery_rung INTEGER NOT NULL DEFAULT 0,
  delivery_route TEXT,
  delivered_message_id TEXT,
  delivered_at INTEGER,
  waiting_since INTEGER,
  stage_names TEXT,
  first_progress_at INTEGER,
  last_progress_at INTEGER,
  deadline_extensions INTEGER NOT NULL DEFAULT 0,
  user_locale TEXT,
  public_locale TEXT
);
CREATE TABLE IF NOT EXISTS stages (
  idx INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending',
  invocation INTEGER NOT NULL DEFAULT 1,
  claims INTEGER NOT NULL DEFAULT 0,
  replays INTEGER NOT NULL DEFAULT 0,
  claim_id TEXT,
  claim_delivery_attempt INTEGER NOT NULL DEFAULT 0,
  lease_expires_at INTEGER,
  state_json TEXT,
  state_ref TEXT,
  via_stage INTEGER,
  via_invocation INTEGER,
  queue_wait_ms INTEGER NOT NULL DEFAULT 0,
  output_json TEXT,
  output_ref TEXT,
  started_at INTEGER,
  finished_at INTEGER
);
CREATE TABLE IF NOT EXISTS timers (
  name TEXT PRIMARY KEY,
  due_at INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  payload TEXT
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS events (
  seq INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  type TEXT NOT NULL,
  data TEXT NOT NULL,
  version TEXT
);
CREATE TABLE IF NOT EXISTS route_plan (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  plan TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS progress_notices (
  kind TEXT PRIMARY KEY,
  text TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS quota_refusal (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  refused_at INTEGER NOT NULL
);
`;

export type WorkflowStatus =
  | "queued"
  | "running"
  | "completed"
  | "failed"
  | "cancelled"
  | "timed_out";
export type DeliveryState = "none" | "pending" | "delivered" | "orphaned";
export type StageStatus = "pending" | "running" | "done" | "failed";

export interface WorkflowRow {
  workflow_id: string;
  name: string;
  options_json: string;
  input_label: string;
  user_id: string;
  guild_id: string | null;
  channel_id: string | null;
  application_id: string;
  interaction_id: string;
  interaction_token: string;
  received_at: number;
  token_expires_at: number;
  token_dead_at: number | null;
  estimate_ms: number;
  deadline_at: number;
  status: WorkflowStatus;
  current_stage: number;
  stage_count: number;
  created_at: number;
  finished_at: number | null;
  error: string | null;
  progress_label: string;
  progress_fraction: number;
  progress_version: number;
  flushed_version: number;
  last_flush_at: number;
  handoff_route: "webhook" | "channel" | "none" | null;
  handoff_webhook_id: string | null;
  handoff_webhook_token: string | null;
  handoff_channel_id: string | null;
  handoff_message_id: string | null;
  result_key: string | null;
  delivery_state: DeliveryState;
  delivery_rung: number;
  delivery_route: string | null;
  delivered_message_id: string | null;
  delivered_at: number | null;
  /** When the current stage went to the queue; null while a consumer holds it. */
  waiting_since: number | null;
  /**
   * JSON list of the stage names. A stage's row is written when it is first queued or claimed,
   * not at start: until then the store presents it as a blank pending row.
   */
  stage_names: string | null;
  /**
   * When what the user sees first and last changed because the workflow moved on (a stage
   * claimed, a new label or fraction reported): the deadline extension and the time to first
   * progress read these. Null until then; a heartbeat that changes nothing leaves them alone.
   */
  first_progress_at: number | null;
  last_progress_at: number | null;
  /** How many times the deadline was extended. */
  deadline_extensions: number;
  /** The workflow's languages (locales.ts), fixed at start; null on a tracker older than them. */
  user_locale: string | null;
  public_locale: string | null;
}

export interface StageRow {
  idx: number;
  name: string;
  status: StageStatus;
  invocation: number;
  claims: number;
  replays: number;
  claim_id: string | null;
  claim_delivery_attempt: number;
  lease_expires_at: number | null;
  /** Paused (continueLater) state: inline when small, else `state_ref` names it in R2. */
  state_json: string | null;
  state_ref: string | null;
  /** The queue message (stage, invocation) that carries this stage's current run. */
  via_stage: number | null;
  via_invocation: number | null;
  /** Time this stage spent waiting in the queue, all invocations together. */
  queue_wait_ms: number;
  output_json: string | null;
  output_ref: string | null;
  started_at: number | null;
  finished_at: number | null;
}

export interface TimerRow {
  name: string;
  due_at: number;
  attempts: number;
  /** JSON handed to the timer's handler, or null. */
  payload: string | null;
}

/** Columns added after the first release: added to an existing tracker's tables on wake-up. */
export const ADDED_COLUMNS: readonly { table: string; column: string; definition: string }[] = [
  { table: "workflow", column: "waiting_since", definition: "INTEGER" },
  { table: "workflow", column: "stage_names", definition: "TEXT" },
  { table: "workflow", column: "first_progress_at", definition: "INTEGER" },
  { table: "workflow", column: "last_progress_at", definition: "INTEGER" },
  { table: "workflow", column: "deadline_extensions", definition: "INTEGER NOT NULL DEFAULT 0" },
  { table: "workflow", column: "user_locale", definition: "TEXT" },
  { table: "workflow", column: "public_locale", definition: "TEXT" },
  { table: "stages", column: "state_ref", definition: "TEXT" },
  { table: "stages", column: "via_stage", definition: "INTEGER" },
  { table: "stages", column: "via_invocation", definition: "INTEGER" },
  { table: "stages", column: "queue_wait_ms", definition: "INTEGER NOT NULL DEFAULT 0" },
  { table: "timers", column: "payload", definition: "TEXT" },
];

/**
 * Tables of earlier releases whose contents moved elsewhere: when one still exists on wake-up,
 * its `adopt` SQL carries what it held over and drops it.
 */
export const RETIRED_TABLES: readonly { table: string; adopt: string }[] = [
  {
    // The progress clock had a table of its own, one more row written per stage; it is now on
    // the workflow row, written by the statement that writes the progress itself.
    table: "progress_watch",
    adopt: `
UPDATE workflow SET
  first_progress_at = (SELECT first_progress_at FROM progress_watch WHERE id = 1),
  last_progress_at = (SELECT last_progress_at FROM progress_watch WHERE id = 1),
  deadline_extensions = COALESCE((SELECT extensions FROM progress_watch WHERE id = 1), 0)
WHERE id = 1;
DROP TABLE progress_watch;`,
  },
];

export interface WorkflowEvent {
  seq: number;
  at: number;
  type: string;
  data: Record<string, unknown>;
  /** The Worker version that wrote the event (version metadata binding). */
  version: string | null;
}

/** A stage not written yet: pending, first invocation, carried by its own first message. */
export function blankStage(idx: number, name: string): StageRow {
  return {
    idx,
    name,
    status: "pending",
    invocation: 1,
    claims: 0,
    replays: 0,
    claim_id: null,
    claim_delivery_attempt: 0,
    lease_expires_at: null,
    state_json: null,
    state_ref: null,
    via_stage: null,
    via_invocation: null,
    queue_wait_ms: 0,
    output_json: null,
    output_ref: null,
    started_at: null,
    finished_at: null,
  };
}

export const ACTIVE_STATUSES: readonly WorkflowStatus[] = ["queued", "running"];

export function isActive(status: WorkflowStatus): boolean {
  return ACTIVE_STATUSES.includes(status);
}
