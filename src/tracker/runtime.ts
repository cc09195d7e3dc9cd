import type { EngineConfig } from "../config.ts";
import type { RoutePlan } from "../delivery/route-plan.ts";
import type { DiscordClient } from "../discord/client.ts";
import type { Logger } from "../log.ts";
import type { ProgressNotices } from "./progress-notices.ts";
import type { TrackerStore } from "./store.ts";

/** What the tracker's timer handlers share. */
export interface TrackerRuntime {
  store: TrackerStore;
  config: EngineConfig;
  discord: DiscordClient;
  env: Env;
  log: Logger;
  now: () => number;
  /** The workflow definition's title, for messages. */
  title: string;
  /** Which rungs past the token can work (read at start from the interaction). */
  routePlan: RoutePlan;
  /** The signed "Live view" link for the progress message (src/live), or null when it is off. */
  liveViewUrl?: string | null;
  event: (type: string, data?: Record<string, unknown>) => void;
  /** Extra lines on the progress message (deadline, resumed after an update). */
  notices: ProgressNotices;
  /** Bumps an operational counter without holding up the caller. */
  countLater: (name: string, labels: Record<string, string>) => void;
}
