// When the workflow last made visible progress, in the tracker's own SQLite. "Visible" means what
// the user sees changed: a new stage, a new progress label or fraction. A stage that heartbeats
// without changing either is alive but not progressing, and earns no deadline extension.
// Its own table, so the engine's schema stays as it is; dropped with the tracker's storage.

const SCHEMA = `
CREATE TABLE IF NOT EXISTS progress_watch (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  label TEXT NOT NULL DEFAULT '',
  fraction REAL NOT NULL DEFAULT -1,
  stage INTEGER NOT NULL DEFAULT -1,
  first_progress_at INTEGER,
  last_progress_at INTEGER,
  extensions INTEGER NOT NULL DEFAULT 0
);`;

export interface ProgressSeen {
  label: string;
  fraction: number;
  stage: number;
}

interface WatchRow extends ProgressSeen {
  first_progress_at: number | null;
  last_progress_at: number | null;
  extensions: number;
}

export class ProgressWatch {
  private readonly sql: SqlStorage;

  constructor(sql: SqlStorage) {
    this.sql = sql;
    this.sql.exec(SCHEMA);
  }

  private row(): WatchRow | null {
    return (
      (this.sql.exec("SELECT * FROM progress_watch WHERE id = 1").toArray()[0] as unknown as
        | WatchRow
        | undefined) ?? null
    );
  }

  /**
   * Records `seen` when it differs from the last state recorded. Returns true the first time
   * anything is recorded (the workflow's first progress), for the time-to-first-progress histogram.
   */
  note(seen: ProgressSeen, now: number): { changed: boolean; first: boolean } {
    const row = this.row();
    if (
      row &&
      row.label === seen.label &&
      row.fraction === seen.fraction &&
      row.stage === seen.stage
    )
      return { changed: false, first: false };
    // The start itself (stage 0 queued, nothing reported) is not progress.
    const isStart = !row && seen.stage === 0 && seen.fraction === 0 && seen.label === "";
    const at = isStart ? null : now;
    this.sql.exec(
      `INSERT INTO progress_watch (id, label, fraction, stage, first_progress_at, last_progress_at)
       VALUES (1, ?1, ?2, ?3, ?4, ?4)
       ON CONFLICT(id) DO UPDATE SET label = ?1, fraction = ?2, stage = ?3,
         first_progress_at = COALESCE(first_progress_at, ?4), last_progress_at = COALESCE(?4, last_progress_at)`,
      seen.label,
      seen.fraction,
      seen.stage,
      at,
    );
    return {
      changed: at !== null,
      first: at !== null && (row?.first_progress_at ?? null) === null,
    };
  }

  lastProgressAt(): number | null {
    return this.row()?.last_progress_at ?? null;
  }

  extensions(): number {
    return this.row()?.extensions ?? 0;
  }

  countExtension(): number {
    this.sql.exec("UPDATE progress_watch SET extensions = extensions + 1 WHERE id = 1");
    return this.extensions();
  }

  clear(): void {
    this.sql.exec("DELETE FROM progress_watch");
  }
}
