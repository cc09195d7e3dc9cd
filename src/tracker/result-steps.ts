import { rawText } from "../discord/render/localized-text.ts";
import { countAllQuietly } from "../results/counters.ts";
import { releaseRunningSlotStatement } from "../results/quotas.ts";
import { persistResult, type StoredResultMeta } from "../results/result-store.ts";
import type { JsonValue, WorkflowResult } from "../workflow/definition.ts";
import { findWorkflow, workflowTitle } from "../workflow/registry.ts";
import { deliverResult, resultMetaOf } from "./deliver-result.ts";
import type { TimerOutcome } from "./progress.ts";
import { localesOf } from "./row-locales.ts";
import type { TrackerRuntime } from "./runtime.ts";
import type { WorkflowRow } from "./schema.ts";
import { persistReason } from "./session-closed.ts";
import { Timer } from "./timer-names.ts";

type EndStatus = StoredResultMeta["status"];

/** The result in the workflow's public language: its message is shown where others see it. */
function buildResult(
  row: WorkflowRow,
  outputs: Record<string, JsonValue>,
  rt: TrackerRuntime,
): WorkflowResult {
  const definition = findWorkflow(row.name);
  const locale = localesOf(row).public;
  const text = rawText(locale);
  try {
    if (!definition) throw new Error(`unknown workflow ${row.name}`);
    return definition.buildResult({
      options: JSON.parse(row.options_json) as JsonValue,
      outputs,
      status: row.status as EndStatus,
      ...(row.error ? { error: row.error } : {}),
      locale,
      text,
    });
  } catch (error) {
    // A broken report builder must not lose what the stages produced.
    rt.log.error("result.build_failed", { error });
    return {
      summary: row.error ?? text("results.fallbackSummary"),
      markdown: `# ${workflowTitle(row.name, text)}\n\n${row.error ?? ""}\n\n\`\`\`json\n${JSON.stringify(outputs, null, 2)}\n\`\`\`\n`,
      data: outputs,
    };
  }
}

/** Persist, then deliver: R2 and D1 first; only then is the deliver timer armed. */
export async function persistStep(
  rt: TrackerRuntime,
  outputs: Record<string, JsonValue>,
): Promise<TimerOutcome> {
  const row = rt.store.workflow();
  if (!row || row.result_key) return { done: true };
  // The slot is given back in the same D1 transaction that indexes the result.
  const prefix = await persistResult(rt.env, resultMetaOf(row), buildResult(row, outputs, rt), [
    releaseRunningSlotStatement(rt.env.DB, row.workflow_id),
  ]);
  rt.store.updateWorkflow({ result_key: prefix, delivery_state: "pending", delivery_rung: 0 });
  // The guild's callback and the /notify DM are armed by delivery, once the result is out.
  rt.store.schedule(Timer.deliver, rt.now());
  rt.event("result_persisted", { prefix });
  await countAllQuietly(
    rt.env.DB,
    [
      {
        name: "workflow_results_persisted_total",
        labels: { reason: persistReason(row, rt.now()) },
      },
      { name: "workflows_finished_total", labels: { status: row.status } },
    ],
    (error) => rt.log.warn("counter.failed", { error }),
  );
  return { done: true };
}

/** The deliver timer: the ladder lives in src/delivery/. */
export function deliverStep(rt: TrackerRuntime, attempt: number): Promise<TimerOutcome> {
  return deliverResult(rt, attempt);
}
