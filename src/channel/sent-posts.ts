import type { OutboxResult } from "./outbox-types.ts";

const SCHEMA = `CREATE TABLE IF NOT EXISTS sent_posts (
  key TEXT PRIMARY KEY,
  result TEXT NOT NULL,
  at INTEGER NOT NULL
)`;

/** Long after any repeat of the same post could still arrive. */
const REMEMBER_MS = 86_400_000;

/**
 * New messages by key (e.g. "<workflow>:handoff"): a webhook execute has no nonce, so the outbox
 * is what makes a repeated post (a retried timer, an overlapping alarm) return the first answer.
 * Concurrent repeats share the call in flight; finished ones read what it answered.
 */
export class SentPosts {
  private readonly sql: SqlStorage;
  private readonly inFlight = new Map<string, Promise<OutboxResult>>();

  constructor(sql: SqlStorage) {
    this.sql = sql;
    sql.exec(SCHEMA);
  }

  async once(key: string, post: () => Promise<OutboxResult>): Promise<OutboxResult> {
    const row = this.sql.exec("SELECT result FROM sent_posts WHERE key = ?", key).toArray()[0];
    if (row) return JSON.parse(String(row.result)) as OutboxResult;
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const call = post().then((result) => {
      // Only what must never be posted again: a message that exists, or may exist. A retry was
      // not sent, and an impossible path may open later (the cron's re-drive).
      if (result.kind === "sent" || result.kind === "unknown") this.remember(key, result);
      return result;
    });
    this.inFlight.set(key, call);
    try {
      return await call;
    } finally {
      this.inFlight.delete(key);
    }
  }

  private remember(key: string, result: OutboxResult): void {
    const now = Date.now();
    this.sql.exec(
      "INSERT INTO sent_posts (key, result, at) VALUES (?, ?, ?) ON CONFLICT(key) DO NOTHING",
      key,
      JSON.stringify(result),
      now,
    );
    this.sql.exec("DELETE FROM sent_posts WHERE at < ?", now - REMEMBER_MS);
  }
}
