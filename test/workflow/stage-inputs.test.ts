import { describe, expect, it } from "vitest";
import { untranslated } from "../../src/i18n/text-ref.ts";
import { workflowCommand } from "../../src/interactions/commands/workflow-command.ts";
import {
  continueLater,
  type JsonValue,
  type WorkflowDefinition,
} from "../../src/workflow/definition.ts";
import { registerWorkflow } from "../../src/workflow/registry.ts";
import { startViaDiscord, waitForWorkflow } from "../helpers/workflow-harness.ts";
import { recordStageRun } from "../support/test-workflow.ts";

const seen: { state: JsonValue | undefined; outputs: string[]; bigLength: number }[] = [];

const definition: WorkflowDefinition<JsonValue> = {
  name: "inputs_flow",
  title: untranslated("Inputs"),
  parseOptions: () => ({ ok: true, options: {} }),
  estimateMs: () => 100,
  describeInput: () => "inputs",
  stages: [
    {
      name: "big",
      label: untranslated("Big output"),
      run: async (ctx) => {
        recordStageRun(ctx, 0);
        return { html: "x".repeat(200_000) }; // above the inline limit: stored in R2 by reference
      },
    },
    {
      name: "slices",
      label: untranslated("Sliced work"),
      inputs: (state) => (state === undefined ? ["big"] : []),
      run: async (ctx, state) => {
        const big = ctx.outputs.big as { html: string } | undefined;
        seen.push({ state, outputs: Object.keys(ctx.outputs), bigLength: big?.html.length ?? 0 });
        const done = typeof state === "number" ? state : 0;
        return done < 2 ? continueLater(done + 1) : { slices: done + 1 };
      },
    },
  ],
  buildResult: ({ outputs, status }) => ({
    summary: status,
    markdown: `slices: ${JSON.stringify(outputs.slices)}`,
    data: { slices: outputs.slices ?? null },
  }),
};
registerWorkflow(definition);
const flow = {
  name: definition.name,
  definition,
  command: workflowCommand({ ...definition, command: { description: "inputs" } }),
};

describe("a stage's declared inputs", () => {
  it("loads a large earlier output only for the invocation that needs it", async () => {
    const started = await startViaDiscord(flow);
    const done = await waitForWorkflow(started.workflowId, (s) => s.deliveryState === "delivered");
    expect(done.status).toBe("completed");
    expect(seen).toEqual([
      { state: undefined, outputs: ["big"], bigLength: 200_000 },
      { state: 1, outputs: [], bigLength: 0 },
      { state: 2, outputs: [], bigLength: 0 },
    ]);
  });
});
