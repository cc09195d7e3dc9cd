import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { TrackerStore } from "../../src/tracker/store.ts";

/** Runs `work` inside a new, empty tracker Durable Object: a store on its SQLite, and the SQLite. */
export function inFreshTracker<T>(
  work: (store: TrackerStore, sql: SqlStorage) => T | Promise<T>,
): Promise<T> {
  const stub = env.WORKFLOWS.get(env.WORKFLOWS.newUniqueId());
  return runInDurableObject(stub, (_instance, state) =>
    work(new TrackerStore(state.storage.sql), state.storage.sql),
  );
}
