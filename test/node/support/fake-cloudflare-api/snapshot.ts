// The fake account as plain data, without ids, timestamps or Worker versions: two snapshots are
// equal when a deploy created nothing and changed nothing but the Worker version.
import type { FakeAccount } from "./state.ts";

export function accountSnapshot(account: FakeAccount) {
  return {
    d1: [...account.d1.values()].map((db) => ({
      name: db.name,
      tables: (
        db.sqlite
          .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
          .all() as { name: string }[]
      ).map((t) => t.name),
      migrations: (
        db.sqlite.prepare("SELECT name FROM d1_migrations ORDER BY id").all() as { name: string }[]
      ).map((m) => m.name),
    })),
    buckets: [...account.buckets.keys()].sort(),
    queues: [...account.queues.values()]
      .map((q) => ({
        name: q.queue_name,
        consumers: q.consumers.map((c) => ({
          script: c.script,
          dead_letter_queue: c.dead_letter_queue,
          settings: c.settings,
        })),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    workers: [...account.workers.entries()].map(([name, worker]) => ({
      name,
      secrets: [...worker.secrets.keys()].sort(),
      schedules: worker.schedules.map((s) => s.cron),
      workers_dev: worker.workers_dev,
      migration_tag: worker.migration_tag,
      bindings: (account.deployedVersion(worker)?.bindings ?? [])
        .map((b) => `${String(b.name)}:${String(b.type)}`)
        .sort(),
    })),
  };
}
