import type { HistogramName } from "../../results/histograms.ts";
import type { WorkflowRow } from "./schema.ts";

// Which tracker moments feed which histogram (src/results/histograms.ts), read off the events the
// tracker already writes, so the engine needs no metric calls of its own.

export interface Observation {
  name: HistogramName;
  labels: Record<string, string>;
  seconds: number;
}

export function observationForEvent(
  type: string,
  data: Record<string, unknown>,
  row: WorkflowRow | null,
  now: number,
): Observation | null {
  if (!row) return null;
  if (type === "stage_completed" && typeof data.ms === "number") {
    return {
      name: "workflow_stage_duration_seconds",
      labels: { workflow: row.name, stage: String(data.name ?? "?") },
      seconds: data.ms / 1000,
    };
  }
  if (type === "delivered" && row.finished_at !== null) {
    return {
      name: "workflow_end_to_final_message_seconds",
      labels: { route: String(data.route ?? "?") },
      seconds: (now - row.finished_at) / 1000,
    };
  }
  return null;
}

/** From the command to the first progress a stage reported. */
export function firstProgressObservation(row: WorkflowRow, now: number): Observation {
  return {
    name: "workflow_time_to_first_progress_seconds",
    labels: { workflow: row.name },
    seconds: (now - row.received_at) / 1000,
  };
}
