import type { Logger } from "../log.ts";

export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };

export type JsonObject = { [key: string]: JsonValue };

/** Returned by a stage that has more to do: it is re-enqueued with `state` after a pause. */
export class StageYield {
  readonly state: JsonValue;
  readonly continueAfterMs: number;
  constructor(state: JsonValue, continueAfterMs: number) {
    this.state = state;
    this.continueAfterMs = continueAfterMs;
  }
}

export function continueLater(state: JsonValue, continueAfterMs = 0): StageYield {
  return new StageYield(state, continueAfterMs);
}

/** A failure that retrying cannot fix (bad input, a page that does not exist): fail at once. */
export class StageFatalError extends Error {
  override readonly name = "StageFatalError";
}

export interface StageContext<Options> {
  workflowId: string;
  options: Options;
  /** Outputs of the stages before this one, by stage name. */
  outputs: Readonly<Record<string, JsonValue>>;
  /** Aborts when the stage's time budget ends or the owner cancels the workflow. */
  signal: AbortSignal;
  /** Reports progress within the stage (0..1); also proves the stage is alive. */
  progress(label: string, fraction: number): Promise<void>;
  log: Logger;
  env: Env;
  /**
   * 1 on the first delivery of the queue message that carries this run, more when the queue
   * redelivers it (after a failure or a dead consumer). A stage chained onto an earlier stage's
   * message shares that message's count.
   */
  attempt: number;
}

export interface StageDefinition<Options> {
  name: string;
  /** Shown to the user in progress messages. */
  label: string;
  /** Overrides STAGE_BUDGET_MS for this stage. */
  budgetMs?: number;
  /**
   * Which earlier outputs this invocation reads, given its saved state (default: all). A stage
   * that yields many times can skip reloading large outputs it only needed to begin.
   */
  inputs?(state: JsonValue | undefined): string[];
  run(
    context: StageContext<Options>,
    state: JsonValue | undefined,
  ): Promise<JsonValue | StageYield>;
}

/** What the user finally receives; stored in R2 before delivery. */
export interface WorkflowResult {
  /** One line for lists and autocomplete. */
  summary: string;
  /** Full human-readable report. */
  markdown: string;
  /** Machine-readable result. */
  data: JsonValue;
  /** Key figures shown as embed fields. */
  fields?: { name: string; value: string }[];
}

export type OptionsParseResult<Options> =
  | { ok: true; options: Options }
  | { ok: false; error: string };

export interface WorkflowDefinition<Options extends JsonValue = JsonValue> {
  /** Equals the slash command's name. */
  name: string;
  title: string;
  parseOptions(
    raw: Readonly<Record<string, string | number | boolean>>,
  ): OptionsParseResult<Options>;
  estimateMs(options: Options): number;
  /** The longest this workflow may run (capped by WORKFLOW_MAX_SECONDS); then it times out. */
  maxRuntimeMs?(options: Options): number;
  /** The primary input, e.g. the URL analysed; indexed for retrieval. */
  describeInput(options: Options): string;
  stages: StageDefinition<Options>[];
  buildResult(input: {
    options: Options;
    outputs: Readonly<Record<string, JsonValue>>;
    status: "completed" | "failed" | "cancelled" | "timed_out";
    error?: string;
  }): WorkflowResult;
}

/** Erases the options type so definitions of different workflows share one registry. */
// biome-ignore lint/suspicious/noExplicitAny: each definition validates its own options in parseOptions.
export type AnyWorkflowDefinition = WorkflowDefinition<any>;
