import type { EngineConfig } from "../config.ts";
import type { Logger } from "../log.ts";
import type { OutputStorage } from "./output-storage.ts";
import type { StageMessage } from "./rpc.ts";
import type { WorkflowStatus } from "./schema.ts";
import type { TrackerStore } from "./store.ts";

/** What the stage lifecycle and the watchdog are given by the tracker. */
export interface LifecycleDeps {
  store: TrackerStore;
  config: EngineConfig;
  log: Logger;
  now: () => number;
  enqueue: (message: StageMessage, delaySeconds: number) => Promise<void>;
  outputs: OutputStorage;
  /** Called once when the workflow reaches an end state (its timers are already cancelled). */
  onFinished: (status: WorkflowStatus) => void;
  event: (type: string, data?: Record<string, unknown>) => void;
}
