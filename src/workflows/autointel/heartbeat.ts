import type { TextRef } from "../../i18n/text-ref.ts";
import type { StageContext } from "../../workflow/definition.ts";
import type { AutointelOptions } from "./options.ts";

/**
 * Reports progress, then runs `work`. The stage runner keeps the stage's claim alive with its
 * own heartbeats however long `work` takes, so a workflow never needs the engine's lease.
 */
export async function withHeartbeat<T>(
  ctx: StageContext<AutointelOptions>,
  label: TextRef,
  fraction: number,
  work: () => Promise<T>,
): Promise<T> {
  await ctx.progress(label, fraction);
  return work();
}
