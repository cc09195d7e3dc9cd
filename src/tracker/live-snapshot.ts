import type { LiveStore } from "./live-hub.ts";
import { liveState } from "./live-state.ts";
import type { TrackerStore } from "./store.ts";

/**
 * The live view's reading of the tracker's storage: a snapshot built for the page, without the
 * interaction token or any other column the page has no use for, and the event log.
 */
export function liveStoreOf(store: TrackerStore): LiveStore {
  return {
    snapshot: (now, locale) => {
      const row = store.workflow();
      return row ? liveState(row, store.stages(), store.lastEventSeq(), now, locale) : null;
    },
    events: (since, limit) => store.events(since, limit),
  };
}
