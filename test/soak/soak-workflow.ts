import { untranslated } from "../../src/i18n/text-ref.ts";
// The soak's workflow: STAGE_COUNT stages whose behaviour (work time, a crash mid-stage, yields
// past the token) comes from the plan named by the `input` option.
import { workflowCommand } from "../../src/interactions/commands/workflow-command.ts";
import {
  continueLater,
  type JsonValue,
  type StageDefinition,
  type WorkflowDefinition,
} from "../../src/workflow/definition.ts";
import { registerWorkflow } from "../../src/workflow/registry.ts";
import type { TestWorkflow } from "../support/test-workflow.ts";
import { type SoakPlan, STAGE_COUNT } from "./soak-plan.ts";

export const SOAK_WORKFLOW = "soak_flow";
/** Plan by the `input` option; the consumer runs in this isolate and reads it. */
export const soakPlansByInput = new Map<string, SoakPlan>();
/** Workflow id by plan index, learned right after the ack. */
export const workflowIdsByPlan = new Map<number, string>();
/** Plans whose result was built (persist, then deliver): only these are polled for their end. */
export const persistedPlans = new Set<string>();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function soakStage(index: number): StageDefinition<{ input: string }> {
  return {
    name: `soak${index + 1}`,
    label: untranslated(`Soak step ${index + 1}`),
    async run(ctx, state) {
      const plan = soakPlansByInput.get(ctx.options.input);
      if (!plan) throw new Error(`no soak plan for ${ctx.options.input}`);
      const stage = plan.stages[index] ?? { delayMs: 0, crashOnFirstAttempt: false, yields: 0 };
      await sleep(stage.delayMs / 2);
      await ctx.progress(untranslated(`Soak step ${index + 1}: half way`), 0.5);
      if (stage.crashOnFirstAttempt && ctx.attempt === 1)
        throw new Error("planned crash mid-stage");
      await sleep(stage.delayMs / 2);
      const yielded = typeof state === "number" ? state : 0;
      if (yielded < stage.yields) return continueLater(yielded + 1, 1500);
      return { stage: index + 1, yielded };
    },
  };
}

const definition: WorkflowDefinition<JsonValue> = {
  name: SOAK_WORKFLOW,
  title: untranslated("Soak"),
  parseOptions: (raw) =>
    typeof raw.input === "string" && raw.input.length > 0
      ? { ok: true, options: { input: raw.input } }
      : { ok: false, error: untranslated("`input` is required.") },
  estimateMs: () => 3000,
  describeInput: (options) => String((options as { input: string }).input),
  stages: Array.from({ length: STAGE_COUNT }, (_, index) =>
    soakStage(index),
  ) as StageDefinition<JsonValue>[],
  buildResult: ({ options, outputs, status, error }) => {
    persistedPlans.add(String((options as { input: string }).input));
    return {
      summary: `soak ${status}`,
      markdown: `# Soak\n\nStatus: ${status}${error ? `\n\n${error}` : ""}\n\n${JSON.stringify(outputs)}\n`,
      data: { status, outputs: outputs as JsonValue },
      fields: [{ name: "Stages", value: String(Object.keys(outputs).length) }],
    };
  },
};

definition.command = {
  description: "soak workflow",
  options: [{ type: 3, name: "input", description: "the plan", required: true }],
};
registerWorkflow(definition);

export const soakWorkflow: TestWorkflow = {
  name: SOAK_WORKFLOW,
  definition,
  command: workflowCommand(definition),
};
