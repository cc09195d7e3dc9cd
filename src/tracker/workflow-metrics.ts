import type { Observation } from "../results/histograms.ts";
import type { StageRow, WorkflowRow } from "./schema.ts";

// Which tracker moments feed which histogram (src/results/histograms.ts), read off the events and
// rows the tracker already writes, so the engine needs no metric calls of its own.

export function observationForEvent(
  type: string,
  data: Record<string, unknown>,
  row: WorkflowRow | null,
  now: number,
): Observation | null {
  if (!row) return null;
  if (type === "delivered" && row.finished_at !== null) {
    return {
      name: "workflow_end_to_final_message_seconds",
      labels: { route: String(data.route ?? "?") },
      seconds: (now - row.finished_at) / 1000,
    };
  }
  return null;
}

/**
 * How long each stage that ran took, from its first claim to its completion (yields included),
 * read off the stage rows when the workflow ends: one D1 batch per workflow instead of a D1 write
 * on every stage's path. Stages copied in by a Retry (never claimed here) are not counted again.
 */
export function stageDurationObservations(row: WorkflowRow, stages: StageRow[]): Observation[] {
  return stages
    .filter((s) => s.status === "done" && s.claims > 0 && s.started_at !== null)
    .map((s) => ({
      name: "workflow_stage_duration_seconds",
      labels: { workflow: row.name, stage: s.name },
      seconds: ((s.finished_at ?? s.started_at ?? 0) - (s.started_at ?? 0)) / 1000,
    }));
}

/** From the command to the first progress a stage reported. */
export function firstProgressObservation(row: WorkflowRow, now: number): Observation {
  return {
    name: "workflow_time_to_first_progress_seconds",
    labels: { workflow: row.name },
    seconds: (now - row.received_at) / 1000,
  };
}
