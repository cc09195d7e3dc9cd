// Every timing knob comes from the environment so a test can play a 20-minute workflow in
// seconds. Values are read by src/settings.ts (one policy for bad values); the rest of the code
// reads typed milliseconds.

import type { BackoffOptions } from "./backoff.ts";
import { readNumberListSetting, readNumberSetting } from "./settings.ts";

export interface EngineConfig {
  /** Discord's interaction token lifetime (900 s in production). */
  tokenTtlMs: number;
  /** The tracker stops using the token this long before Discord kills it. */
  tokenSafetyMarginMs: number;
  /** Warnings before the usable deadline, largest first (default 60 s and 10 s). */
  tokenWarningOffsetsMs: number[];
  /** How long before the usable deadline progress moves to a message the bot owns. */
  handoffLeadMs: number;
  /** At most one progress edit per this interval per workflow. */
  progressMinIntervalMs: number;
  /** No interaction-token call until Discord has surely seen our deferred reply. */
  ackGraceMs: number;
  /** Workflows estimated longer than this get the "outlives the reply window" notice. */
  longWorkflowNoticeMs: number;
  /** Time budget of one stage invocation (its AbortSignal fires after it). */
  stageBudgetMs: number;
  /** A running stage without a heartbeat for this long is presumed dead and re-driven. */
  stageLeaseMs: number;
  /** How often one stage may be re-driven by the watchdog before the workflow fails. */
  maxStageReplays: number;
  /** A stage waiting this long in the queue is shown as "waiting for a worker". */
  queueWaitNoticeMs: number;
  /** A consumer runs the next stage itself (no queue round trip) while it has run less than this. */
  chainBudgetMs: number;
  /** No workflow runs longer than this, whatever its definition asks. */
  workflowMaxMs: number;
  /** One deadline extension: how much longer a workflow that is still progressing is given. */
  deadlineExtensionMs: number;
  /** How long before its deadline a workflow is considered for an extension. */
  deadlineCheckLeadMs: number;
  /** "Progressing" means visible progress within this long before the check. */
  deadlineProgressWindowMs: number;
  /** Warnings on the progress message before the workflow's deadline, largest first. */
  deadlineWarningOffsetsMs: number[];
  /** Delivery retry backoff (full jitter) for transient Discord failures. */
  backoffBaseMs: number;
  backoffCapMs: number;
}

/** Parsed once per environment object: the consumer asks for it on every message. */
const parsed = new WeakMap<Env, Readonly<EngineConfig>>();

export function engineConfig(env: Env): Readonly<EngineConfig> {
  let config = parsed.get(env);
  if (!config) {
    config = Object.freeze(readEngineConfig(env));
    parsed.set(env, config);
  }
  return config;
}

function readEngineConfig(env: Env): EngineConfig {
  const source = env;
  const seconds = 1000;
  const readNumber = (name: string, fallback: number, min = 0) =>
    readNumberSetting(source, name, fallback, { min });
  return {
    tokenTtlMs: readNumber("INTERACTION_TOKEN_TTL_SECONDS", 900, 1) * seconds,
    tokenSafetyMarginMs: readNumber("TOKEN_SAFETY_MARGIN_SECONDS", 30) * seconds,
    tokenWarningOffsetsMs: readNumberListSetting(
      source,
      "TOKEN_WARNING_OFFSETS_SECONDS",
      [60, 10],
      {
        min: Number.MIN_VALUE,
      },
    )
      .sort((a, b) => b - a)
      .map((s) => s * seconds),
    handoffLeadMs: readNumber("HANDOFF_LEAD_SECONDS", 30) * seconds,
    progressMinIntervalMs: readNumber("PROGRESS_MIN_INTERVAL_MS", 2000),
    ackGraceMs: readNumber("ACK_GRACE_MS", 1500),
    longWorkflowNoticeMs: readNumber("LONG_WORKFLOW_NOTICE_SECONDS", 600) * seconds,
    stageBudgetMs: readNumber("STAGE_BUDGET_MS", 25_000, 1),
    stageLeaseMs: readNumber("STAGE_LEASE_MS", 60_000, 1),
    maxStageReplays: readNumber("MAX_STAGE_REPLAYS", 3),
    queueWaitNoticeMs: readNumber("QUEUE_WAIT_NOTICE_SECONDS", 60, 0) * seconds,
    chainBudgetMs: readNumber("CHAIN_BUDGET_MS", 60_000, 0),
    workflowMaxMs: readNumber("WORKFLOW_MAX_SECONDS", 21_600, 1) * seconds,
    deadlineExtensionMs: readNumber("DEADLINE_EXTENSION_SECONDS", 900, 1) * seconds,
    deadlineCheckLeadMs: readNumber("DEADLINE_CHECK_LEAD_SECONDS", 90, 0) * seconds,
    deadlineProgressWindowMs: readNumber("DEADLINE_PROGRESS_WINDOW_SECONDS", 300, 0) * seconds,
    deadlineWarningOffsetsMs: readNumberListSetting(
      source,
      "DEADLINE_WARNING_OFFSETS_SECONDS",
      [60, 10],
      { min: Number.MIN_VALUE },
    )
      .sort((x, y) => y - x)
      .map((s) => s * seconds),
    backoffBaseMs: readNumber("BACKOFF_BASE_MS", 1000, 1),
    backoffCapMs: readNumber("BACKOFF_CAP_MS", 60_000, 1),
  };
}

/** The engine's backoff for the one retry-delay policy (src/discord/retries.ts). */
export function backoffOf(config: EngineConfig): BackoffOptions {
  return { baseMs: config.backoffBaseMs, capMs: config.backoffCapMs };
}
