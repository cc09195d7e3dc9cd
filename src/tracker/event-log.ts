import type { Logger } from "../log.ts";
import type { Observation } from "../results/histograms.ts";
import type { TrackerStore } from "./store.ts";
import { observationForEvent } from "./workflow-metrics.ts";

/**
 * Events that happen once per stage go to the event log (live view, history archive) but not to
 * the Worker log: a line per stage would cost more than the stage itself, and say nothing the
 * event log does not.
 */
const UNLOGGED_EVENTS: ReadonlySet<string> = new Set(["stage_started", "stage_completed"]);

export interface EventLogDeps {
  store: TrackerStore;
  /** The deployed version that writes (CF_VERSION_METADATA), null when unknown. */
  version: string | null;
  log: () => Logger;
  observe: (observation: Observation) => void;
  /** After every append: the live view sends what is new. */
  published: () => void;
  /** The workflow outlived a deploy: it continues on the new version. */
  resumedAfterDeploy: () => void;
}

/**
 * Appends one event to the workflow's log, noticing first whether a deploy happened since the
 * last one (then a `version_changed` event comes before it).
 */
export function appendEvent(
  deps: EventLogDeps,
  type: string,
  data: Record<string, unknown> = {},
): void {
  const { store, version } = deps;
  const previous = store.lastEventVersion();
  if (previous !== undefined && previous !== version) {
    store.appendEvent("version_changed", { from: previous, to: version }, Date.now(), version);
    deps.resumedAfterDeploy();
  }
  store.appendEvent(type, data, Date.now(), version);
  const observation = observationForEvent(type, data, store.workflow(), Date.now());
  if (observation) deps.observe(observation);
  // Output gates hold these sends until the append is durable: no socket sees a lost event.
  deps.published();
  if (!UNLOGGED_EVENTS.has(type)) deps.log().info(`workflow.${type}`, data);
}
