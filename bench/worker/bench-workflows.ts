// No-op workflows for measuring the engine: N stages that do nothing but note when they ran.
// `hold_seconds` makes the first stage yield (no consumer time) so a workflow can outlive its
// interaction token, as long-running ones do.
import { untranslated } from "../../src/i18n/text-ref.ts";
import { workflowCommand } from "../../src/interactions/commands/workflow-command.ts";
import type { CommandHandler } from "../../src/interactions/context.ts";
import {
  continueLater,
  type StageDefinition,
  type WorkflowDefinition,
} from "../../src/workflow/definition.ts";
import { registerWorkflow } from "../../src/workflow/registry.ts";
import { markStageRun } from "./stage-clock.ts";

export const BENCH_STAGE_COUNTS = [1, 3, 4, 10] as const;
const HOLD_STEP_MS = 5000;
const MAX_HOLD_SECONDS = 600;

type BenchOptions = { holdSeconds: number };

export function benchWorkflowName(stages: number): string {
  return `bench_noop_${stages}`;
}

function noopStage(index: number): StageDefinition<BenchOptions> {
  return {
    name: `noop${index + 1}`,
    label: untranslated(`No-op ${index + 1}`),
    async run(ctx, state) {
      markStageRun(ctx.workflowId);
      const holds = Math.ceil((ctx.options.holdSeconds * 1000) / HOLD_STEP_MS);
      const held = typeof state === "number" ? state : 0;
      if (index === 0 && held < holds) {
        // A long workflow reports progress as it goes: bench c) measures how those edits flow.
        await ctx.progress(untranslated(`Holding ${held + 1}/${holds}`), (held + 1) / (holds + 1));
        return continueLater(held + 1, HOLD_STEP_MS);
      }
      return index;
    },
  };
}

function benchWorkflow(stages: number): WorkflowDefinition<BenchOptions> {
  return {
    name: benchWorkflowName(stages),
    title: untranslated(`Bench ${stages}-stage no-op`),
    parseOptions: (raw) => {
      const hold = raw.hold_seconds === undefined ? 0 : Number(raw.hold_seconds);
      if (!Number.isInteger(hold) || hold < 0 || hold > MAX_HOLD_SECONDS)
        return { ok: false, error: untranslated(`hold_seconds must be 0–${MAX_HOLD_SECONDS}`) };
      return { ok: true, options: { holdSeconds: hold } };
    },
    estimateMs: (options) => options.holdSeconds * 1000 + stages * 10,
    describeInput: (options) => `${stages} stages, hold ${options.holdSeconds} s`,
    stages: Array.from({ length: stages }, (_, index) => noopStage(index)),
    buildResult: ({ status, outputs }) => ({
      summary: `${stages}-stage no-op ${status}`,
      markdown: `# Bench\n\n${stages} no-op stages, ${status}, ${Object.keys(outputs).length} outputs.\n`,
      data: { stages, status },
      fields: [{ name: "Stages", value: String(stages) }],
    }),
  };
}

function benchCommand(stages: number): CommandHandler {
  const definition = {
    ...benchWorkflow(stages),
    command: {
      description: `bench: ${stages} no-op stages`,
      options: [{ type: 4, name: "hold_seconds", description: "keep stage 1 yielding this long" }],
    },
  };
  registerWorkflow(definition);
  return workflowCommand(definition);
}

export const benchCommands: CommandHandler[] = BENCH_STAGE_COUNTS.map(benchCommand);
