import type { WorkflowRow } from "./schema.ts";

// When the workflow last made visible progress: what the user sees changed because the workflow
// moved on (a stage claimed, a new label or fraction reported). A stage that heartbeats without
// changing either is alive but not progressing, and earns no deadline extension. Kept on the
// workflow row and written by the same statement that writes the progress itself, so it costs
// no row of its own.

/** The columns whose change the user sees as progress. */
const VISIBLE = ["current_stage", "progress_label", "progress_fraction"] as const;

export type ProgressStamp = Pick<WorkflowRow, "first_progress_at" | "last_progress_at">;

/**
 * The progress columns to write with `fields` when they change what the user sees, else null.
 * `first_progress_at` is set once: its presence tells the caller this is the first progress.
 */
export function progressStamp(
  before: WorkflowRow,
  fields: Partial<WorkflowRow>,
  at: number,
): Partial<ProgressStamp> | null {
  const changed = VISIBLE.some((key) => fields[key] !== undefined && fields[key] !== before[key]);
  if (!changed) return null;
  return before.first_progress_at === null
    ? { first_progress_at: at, last_progress_at: at }
    : { last_progress_at: at };
}
