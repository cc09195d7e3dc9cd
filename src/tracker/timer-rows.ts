import type { TimerRow } from "./schema.ts";

/**
 * The `timers` table, read once per instance and kept as written (see TrackerStore): the hot
 * path re-asserts timers and asks for the next due time on every call, and a handful of rows in
 * memory answers that without a query.
 */
export class TimerRows {
  private readonly sql: SqlStorage;
  private rows: Map<string, TimerRow> | undefined;

  constructor(sql: SqlStorage) {
    this.sql = sql;
  }

  private all(): Map<string, TimerRow> {
    if (!this.rows) {
      const rows = this.sql.exec("SELECT * FROM timers").toArray() as unknown as TimerRow[];
      this.rows = new Map(rows.map((row) => [row.name, Object.freeze(row)]));
    }
    return this.rows;
  }

  get(name: string): TimerRow | null {
    return this.all().get(name) ?? null;
  }

  /**
   * Sets a timer row. `keepEarlier` leaves an earlier (or equal) due time alone while it is still
   * ahead, so hot paths that re-assert a timer write nothing when it is already armed in time.
   * A row already due is not "armed": the alarm is running it (or about to) with what it read
   * before this call, and drops it as done when it returns, so the later need is written (a claim
   * made while the watch timer's re-drive awaited its send kept no watch at all). The payload is
   * kept unless a new one is given.
   */
  schedule(
    name: string,
    dueAt: number,
    options: { keepEarlier?: boolean; attempts?: number; payload?: unknown } = {},
  ): void {
    const existing = this.get(name);
    const due = Math.round(dueAt);
    if (existing && options.keepEarlier && existing.due_at <= due && existing.due_at > Date.now())
      return;
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
    this.all().set(name, Object.freeze({ name, due_at: due, attempts, payload }));
  }

  cancel(names: string[]): void {
    const rows = this.all();
    for (const name of names) {
      if (!rows.has(name)) continue; // nothing to delete: no statement
      this.sql.exec("DELETE FROM timers WHERE name = ?", name);
      rows.delete(name);
    }
  }

  /** Timers due by `now`, earliest first (then by name, as SQLite's BINARY order does). */
  due(now: number): TimerRow[] {
    return [...this.all().values()]
      .filter((row) => row.due_at <= now)
      .sort((a, b) => a.due_at - b.due_at || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  nextDue(): number | null {
    let next: number | null = null;
    for (const row of this.all().values())
      if (next === null || row.due_at < next) next = row.due_at;
    return next;
  }
}
