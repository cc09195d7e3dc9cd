import type { APIApplicationCommandBasicOption, LocalizationMap } from "discord-api-types/v10";
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

/**
 * Something in a result that needs the reader's attention, e.g. broken links and where they
 * were found. Plain text (never markdown): the renderer shows it literally.
 */
export interface ResultFinding {
  title: string;
  /** How many there are in all; `items` may hold only the first few. */
  total: number;
  items: { subject: string; detail: string | null; foundOn: string | null }[];
}

/** What the user finally receives; stored in R2 before delivery. */
export interface WorkflowResult {
  /** One line for lists and autocomplete. */
  summary: string;
  /** Full human-readable report. */
  markdown: string;
  /** Machine-readable result. */
  data: JsonValue;
  /** Key figures shown as embed fields; plain text, shown literally. */
  fields?: { name: string; value: string }[];
  /** The few findings that matter, most important first. */
  findings?: ResultFinding[];
}

export type OptionsParseResult<Options> =
  | { ok: true; options: Options }
  | { ok: false; error: string };

/**
 * The slash command that starts a kind, as Discord shows it. Its name is the kind's `name`, so
 * the command and the workflow cannot disagree; where it may be used (servers, DMs, user
 * installs) is the same for every kind (src/interactions/definitions.ts).
 */
export interface WorkflowCommand {
  /** 1–100 characters. */
  description: string;
  /** The command's options, in Discord's shape; `parseOptions` receives their values. */
  options?: APIApplicationCommandBasicOption[];
  /** The name in other languages, by Discord locale (e.g. `fr`, `de`). */
  name_localizations?: LocalizationMap;
  description_localizations?: LocalizationMap;
}

export interface WorkflowDefinition<Options extends JsonValue = JsonValue> {
  /** The kind's name, and its slash command's: lowercase, 1–32 of a-z, 0-9, _ and -. */
  name: string;
  title: string;
  /** Its slash command; absent: a kind with no command of its own (started from code). */
  command?: WorkflowCommand;
  /** Validates the command's options; must accept its own output too ("Run again" re-checks). */
  parseOptions(
    raw: Readonly<Record<string, string | number | boolean>>,
  ): OptionsParseResult<Options>;
  estimateMs(options: Options): number;
  /**
   * The soft deadline: how long this kind of work should take. Extended in bounded steps while
   * the workflow visibly progresses (deadline-extension.ts); absent = the cap.
   */
  softDeadlineMs?(options: Options): number;
  /** This kind's hard cap, below the engine's WORKFLOW_MAX_SECONDS; absent = the engine's. */
  deadlineCapMs?(options: Options): number;
  /**
   * The most requests to outside sites a run with these options makes: what it is charged against
   * the rolling request budgets (budget-limits.ts); absent = none.
   */
  outboundRequests?(options: Options): number;
  /** The primary input, e.g. the URL analysed; indexed for retrieval. */
  describeInput(options: Options): string;
  stages: StageDefinition<Options>[];
  /**
   * Stages a deploy removed or renamed, kept so that workflows started on the older stage list
   * finish on it (a tracker runs the list it started with). Drop one once no workflow started
   * before that deploy can still run: after the engine's hard cap (WORKFLOW_MAX_SECONDS).
   */
  retiredStages?: StageDefinition<Options>[];
  /**
   * A lighter run to suggest when one failed or timed out (e.g. a shallower crawl): the button's
   * label and the options; null when there is none lighter.
   */
  lighterRun?(options: Options): { label: string; options: Options } | null;
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
