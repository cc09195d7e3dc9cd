import { untranslated } from "../../src/i18n/text-ref.ts";
import { workflowCommand } from "../../src/interactions/commands/workflow-command.ts";
import type { CommandHandler } from "../../src/interactions/context.ts";
import {
  continueLater,
  type JsonValue,
  type StageDefinition,
  StageFatalError,
  type WorkflowDefinition,
} from "../../src/workflow/definition.ts";
import { registerWorkflow } from "../../src/workflow/registry.ts";

/** What one stage of a test workflow does; everything is optional. */
export interface TestStagePlan {
  /** Total work time, spread over `progressSteps` progress reports. */
  delayMs?: number;
  progressSteps?: number;
  /** After this many progress steps, keep heartbeating with the same report: alive, stuck. */
  stallAfterSteps?: number;
  /** Throw a plain (retryable) error on the first N deliveries. */
  failTimes?: number;
  /** Throw a StageFatalError. */
  fatal?: boolean;
  /** Throw a StageFatalError on the first N runs of this stage, across all workflows. */
  fatalRuns?: number;
  /**
   * Block this long without progress reports, ignoring the AbortSignal (the runner's own
   * heartbeats keep its claim; locally it holds the queue's one consumer meanwhile).
   */
  hangMs?: number;
  /** Only the first N runs of this stage hang (default: all). */
  hangRuns?: number;
  /** Yield this many times before producing the output. */
  yields?: number;
  yieldAfterMs?: number;
  output?: JsonValue;
}

export interface StageRun {
  workflowId: string;
  stage: number;
  attempt: number;
  state: JsonValue | undefined;
  at: number;
}

/** Every stage invocation of every test workflow in this test file's isolate. */
export const stageRuns: StageRun[] = [];
/** Notes one stage invocation in `stageRuns` (startViaDiscord finds new workflows there). */
export function recordStageRun(
  ctx: { workflowId: string; attempt: number },
  stage: number,
  state?: JsonValue,
): void {
  stageRuns.push({
    workflowId: ctx.workflowId,
    stage,
    attempt: ctx.attempt,
    state,
    at: Date.now(),
  });
}

/** Stage invocations still running (hanging stages finish after their workflow ended). */
export const activeRuns = { count: 0 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function testStage(index: number, plan: TestStagePlan): StageDefinition<JsonValue> {
  let runs = 0;
  return {
    name: `step${index + 1}`,
    label: untranslated(`Step ${index + 1}`),
    budgetMs: plan.hangMs ? plan.hangMs + 10_000 : undefined,
    async run(ctx, state) {
      recordStageRun(ctx, index, state);
      activeRuns.count++;
      try {
        if (plan.fatal) throw new StageFatalError("planned fatal failure");
        runs++;
        if (plan.fatalRuns && runs <= plan.fatalRuns)
          throw new StageFatalError(`planned fatal failure on run ${runs}`);
        if (plan.failTimes && ctx.attempt <= plan.failTimes)
          throw new Error(`planned failure ${ctx.attempt}`);
        const runsSoFar = stageRuns.filter(
          (r) => r.workflowId === ctx.workflowId && r.stage === index,
        ).length;
        if (plan.hangMs && runsSoFar <= (plan.hangRuns ?? Number.POSITIVE_INFINITY)) {
          await sleep(plan.hangMs);
          return "finished too late";
        }
        const steps = Math.max(1, plan.progressSteps ?? 1);
        for (let step = 1; step <= steps; step++) {
          ctx.signal.throwIfAborted();
          await sleep((plan.delayMs ?? 0) / steps);
          const shown = Math.min(step, plan.stallAfterSteps ?? step);
          await ctx.progress(
            untranslated(`Step ${index + 1}: part ${shown}/${steps}`),
            shown / steps,
          );
        }
        const done = typeof state === "number" ? state : 0;
        if (plan.yields && done < plan.yields)
          return continueLater(done + 1, plan.yieldAfterMs ?? 0);
        return plan.output ?? { stage: index + 1, yielded: done };
      } finally {
        activeRuns.count--;
      }
    },
  };
}

export interface TestWorkflow {
  name: string;
  definition: WorkflowDefinition<JsonValue>;
  command: CommandHandler;
}

/** Text whose every line differs, so a truncated or reordered copy does not look the same. */
function variedText(chars: number): string {
  const lines: string[] = [];
  for (let length = 0, n = 0; length < chars; n++) {
    const line = `line ${n}: ${((n * 2654435761) >>> 0).toString(36)}`;
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join("\n").slice(0, chars);
}

/** Registers a workflow (and its slash command) made of the given stage plans. */
export function defineTestWorkflow(
  name: string,
  plans: TestStagePlan[],
  options: {
    estimateMs?: number;
    reportChars?: number;
    /** Adds this many characters of varied text to the result's data (result.json). */
    dataChars?: number;
    softDeadlineMs?: number;
    deadlineCapMs?: number;
  } = {},
): TestWorkflow {
  const definition: WorkflowDefinition<JsonValue> = {
    name,
    title: untranslated(`Test ${name}`),
    parseOptions: (raw) => {
      const input = raw.input;
      if (typeof input !== "string" || input.length === 0)
        return { ok: false, error: untranslated("`input` is required.") };
      if (input.length > 100)
        return { ok: false, error: untranslated("`input` must be at most 100 characters.") };
      return { ok: true, options: { input } };
    },
    estimateMs: () => options.estimateMs ?? 1000,
    ...(options.softDeadlineMs ? { softDeadlineMs: () => options.softDeadlineMs as number } : {}),
    ...(options.deadlineCapMs ? { deadlineCapMs: () => options.deadlineCapMs as number } : {}),
    describeInput: (opts) => String((opts as { input: string }).input),
    stages: plans.map((plan, index) => testStage(index, plan)),
    buildResult: ({ outputs, status, error }) => ({
      summary: `${name} ${status} with ${Object.keys(outputs).length} stage outputs`,
      markdown: `# ${name}\n\nStatus: ${status}\n${error ? `\nError: ${error}\n` : ""}${"x".repeat(options.reportChars ?? 0)}\n${Object.entries(
        outputs,
      )
        .map(([stage, output]) => `- ${stage}: ${JSON.stringify(output)}`)
        .join("\n")}\n`,
      data: {
        status,
        outputs: outputs as JsonValue,
        ...(options.dataChars ? { padding: variedText(options.dataChars) } : {}),
      },
      fields: [{ name: "Stages", value: String(Object.keys(outputs).length) }],
    }),
  };
  definition.command = {
    description: `test workflow ${name}`,
    options: [{ type: 3, name: "input", description: "anything", required: true }],
  };
  registerWorkflow(definition);
  return { name, definition, command: workflowCommand(definition) };
}
