// The hostile-site corpus as a soak mix-in: /autointel runs against the trap sites of
// test/support/hostile-site.ts, started alongside the soak's workflows so they share its queue
// batches. Each must end with a delivered report, and must not cost a soak workflow its result.
import { inject } from "vitest";
import { startAnalysis } from "../autointel/support/analysis-harness.ts";
import { waitForWorkflow } from "../helpers/workflow-harness.ts";

export interface HostileRun {
  site: string;
  workflowId: string;
  status: string;
  deliveryState: string;
}

/** Starts one analysis per hostile site; resolves when every one has ended (or the time is up). */
export async function runHostileMix(timeoutMs: number): Promise<HostileRun[]> {
  const sites = inject("hostileSites");
  const plan: [string, string][] = [
    [`${sites.trap}/`, "standard"],
    [`${sites.redos}/`, "standard"],
    [`${sites.overcap}/`, "standard"],
    [`${sites.delay}/`, "quick"],
  ];
  const started = [];
  // One at a time: the harness tells workflows apart by which one ran its first stage next.
  for (const [url, depth] of plan) started.push({ url, ...(await startAnalysis({ url, depth })) });
  return Promise.all(
    started.map(async ({ url, workflowId }) => {
      const final = await waitForWorkflow(
        workflowId,
        (s) => s.deliveryState === "delivered" || s.deliveryState === "orphaned",
        timeoutMs,
      );
      return { site: url, workflowId, status: final.status, deliveryState: final.deliveryState };
    }),
  );
}
