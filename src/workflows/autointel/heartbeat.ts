import { engineConfig } from "../../config.ts";
import type { StageContext } from "../../workflow/definition.ts";
import type { AutointelOptions } from "./options.ts";

/**
 * Reports progress, then keeps repeating it while `work` runs, so a wait or a slow request never
 * outlasts the stage's lease (STAGE_LEASE_MS) whatever the fetch timeout is configured to.
 */
export async function withHeartbeat<T>(
  ctx: StageContext<AutointelOptions>,
  label: string,
  fraction: number,
  work: () => Promise<T>,
): Promise<T> {
  await ctx.progress(label, fraction);
  const intervalMs = Math.max(250, engineConfig(ctx.env).stageLeaseMs / 3);
  const timer = setInterval(() => {
    ctx.progress(label, fraction).catch((error: unknown) => {
      // The next beat or the result reports back; a lost beat only shortens the lease.
      ctx.log.warn("autointel.heartbeat_failed", { error });
    });
  }, intervalMs);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
