import type { APIApplicationCommandBasicOption, LocalizationMap } from "discord-api-types/v10";
import type { Locale } from "../i18n/locales.ts";
import type { TextRef } from "../i18n/text-ref.ts";
import type { Translate } from "../i18n/translator.ts";
import type { Logger } from "../log.ts";
import type { StageDiscord } from "./stage-discord.ts";
import type { StageFiles } from "./stage-files.ts";

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

/**
 * A failure that retrying cannot fix (bad input, a page that does not exist): fail at once.
 * `message` is for logs; `shown`, when given, is what the user reads, in their language.
 */
export class StageFatalError extends Error {
  override readonly name = "StageFatalError";
  readonly shown: TextRef | undefined;
  constructor(message: string, shown?: TextRef) {
    super(message);
    this.shown = shown;
  }
}

export interface StageContext<Options> {
  workflowId: string;
  options: Options;
  /** Outputs of the stages before this one, by stage name. */
  outputs: Readonly<Record<string, JsonValue>>;
  /** Aborts when the stage's time budget ends or the owner cancels the workflow. */
  signal: AbortSignal;
  /**
   * When this invocation's time budget ends (epoch ms): a stage that loops yields with
   * `continueLater` well before, e.g. once half of it is spent.
   */
  budgetEndsAt: number;
  /**
   * Reports progress within the stage (0..1); also proves the stage is alive. The label is a
   * catalog message (textRef), shown later in each reader's language.
   */
  progress(label: TextRef, fraction: number): Promise<void>;
  log: Logger;
  env: Env;
  /**
   * 1 on the first delivery of the queue message that carries this run, more when the queue
   * redelivers it (after a failure or a dead consumer). A stage chained onto an earlier stage's
   * message shares that message's count.
   */
  attempt: number;
  /**
   * Discord, read-only, as the bot: through the bot's gate at the "bulk" priority (below every
   * workflow's progress and results), honouring each route's bucket. A wait longer than the
   * stage can afford throws `DiscordWait` (yield with `continueLater(state, error.waitMs)`); a
   * 403 throws `DiscordAccessDenied` whose message names the missing permission.
   */
  discord: StageDiscord;
  /**
   * Files of this workflow in R2, beyond the stage's state: scratch objects (`put`, `text`, `remove`) and
   * result files written by multipart upload that resumes across invocations (`upload`).
   * Everything lives under the workflow's result prefix, so retention deletes it with the result.
   */
  files: StageFiles;
}

export interface StageDefinition<Options> {
  name: string;
  /** Shown to the user in progress messages (a catalog message, in the reader's language). */
  label: TextRef;
  /** Overrides STAGE_BUDGET_MS for this stage. */
  budgetMs?: number;
  /**
   * A bulk stage: one that spends invocation after invocation on a long job (an export reading
   * 100,000 messages, writing its file). Its messages go to the bulk queue (BULK_STAGES), so its
   * long invocations never stand between other workflows and the stage queue (a queue's consumer
   * takes one batch at a time locally, and a batch ends with its slowest message). A chain only
   * carries the next stage when it belongs on the same queue (src/queue/stage-queues.ts).
   */
  bulk?: true;
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

/**
 * A file a stage wrote with `context.files` that the result offers (e.g. an export). Attached
 * when it fits the interaction's attachment limit, otherwise a signed, time-limited download link
 * valid as long as the result is kept. `bytes` comes from the upload (never read to measure).
 */
export interface ResultFile {
  /** The name the stage gave `context.files.upload` (also the name the user sees). */
  name: string;
  bytes: number;
  contentType: string;
}

/** What the user finally receives; stored in R2 before delivery. */
export interface WorkflowResult {
  /** Files written by the stages, delivered beside report.md and result.json. */
  files?: ResultFile[];
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

/** A channel Discord resolved for a channel option, with the invoking member's rights there. */
export interface InvocationChannel {
  id: string;
  type: number;
  name: string | null;
  /** The member's permissions in that channel (overwrites applied), as Discord's bit string. */
  permissions: string | null;
  parentId: string | null;
}

/**
 * What Discord told us about where and by whom a command was run, for `parseOptions`. A "Run
 * again" button re-parses the stored options with the button's invocation: it carries no
 * resolved channels, so a kind stores what it needs in its options.
 */
export interface CommandInvocation {
  userId: string;
  guildId: string | null;
  /** The channel the command (or button) was used in. */
  channelId: string | null;
  channelType: number | null;
  /** The member's permissions in `channelId` (null outside a guild). */
  memberPermissions: string | null;
  /** The bot's permissions in `channelId` (`app_permissions`). */
  appPermissions: string | null;
  /** Channels named by channel options, by id; empty on a re-parse. */
  resolvedChannels: Readonly<Record<string, InvocationChannel>>;
  /** Whether this is a re-parse of stored options (Run again), not a fresh command. */
  rerun: boolean;
}

export type OptionsParseResult<Options> =
  | { ok: true; options: Options }
  /** What is wrong and what is accepted, as a catalog message in the user's language. */
  | { ok: false; error: TextRef };

/**
 * The slash command that starts a kind, as Discord shows it. Its name is the kind's `name`, so
 * the command and the workflow cannot disagree; where it may be used (servers, DMs, user
 * installs) is the same for every kind (src/interactions/definitions.ts).
 */
export interface WorkflowCommand {
  /** 1–100 characters; with its localizations, from `described(key)` (i18n/command-localizations). */
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
  /** What the kind is called in messages, e.g. "Site analysis" (a catalog message). */
  title: TextRef;
  /** Its slash command; absent: a kind with no command of its own (started from code). */
  command?: WorkflowCommand;
  /**
   * Validates the command's options; must accept its own output too ("Run again" re-checks,
   * with only the scalar values of the stored options). `invocation` says who ran it and where
   * (absent when a kind is started from code).
   */
  parseOptions(
    raw: Readonly<Record<string, string | number | boolean>>,
    invocation?: CommandInvocation,
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
  lighterRun?(options: Options): { label: TextRef; options: Options } | null;
  buildResult(input: {
    options: Options;
    outputs: Readonly<Record<string, JsonValue>>;
    status: "completed" | "failed" | "cancelled" | "timed_out";
    error?: string;
    /** The workflow's language (its public one): the result and report.md are written in it. */
    locale: Locale;
    /** Catalog messages in `locale`, variables unescaped (fields and findings are plain text). */
    text: Translate;
  }): WorkflowResult;
}

/** Erases the options type so definitions of different workflows share one registry. */
// biome-ignore lint/suspicious/noExplicitAny: each definition validates its own options in parseOptions.
export type AnyWorkflowDefinition = WorkflowDefinition<any>;
