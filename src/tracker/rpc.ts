// The tracker's contract with the Worker: its RPC surface and the "stages" queue's messages.
// Outside src/tracker/ these are read through api.ts.
import type { RoutePlan } from "../delivery/route-plan.ts";
import type { Locale } from "../i18n/locales.ts";
import type { TextRef } from "../i18n/text-ref.ts";
import type { WorkflowLocales } from "../i18n/workflow-locales.ts";
import type { JsonValue } from "../workflow/definition.ts";
import type { WorkflowHistory } from "./history-archive.ts";
import type { ResumePoint } from "./resume.ts";
import type { WorkflowEvent, WorkflowStatus } from "./schema.ts";

/** Who started a workflow, where, and the interaction whose token it answers through. */
export interface InteractionOrigin {
  userId: string;
  guildId: string | null;
  channelId: string | null;
  applicationId: string;
  interactionId: string;
  interactionToken: string;
  receivedAt: number;
  /** The languages it speaks (absent: a start queued before languages existed, English). */
  locales?: WorkflowLocales;
  /** Which rungs past the token can work, read from the interaction (absent: all may). */
  routePlan?: RoutePlan;
}

export interface StartWorkflowInput extends InteractionOrigin {
  workflowId: string;
  name: string;
  options: JsonValue;
  inputLabel: string;
  estimateMs: number;
  /** From the definition; null or absent = the cap (deadline-extension.ts). */
  softDeadlineMs?: number | null;
  /** The kind's own hard cap; null or absent = WORKFLOW_MAX_SECONDS. */
  deadlineCapMs?: number | null;
  /** Charged against the rolling request budgets when admitted (absent: none). */
  outboundRequests?: number;
  /** Retry: start after the completed stages of an earlier run (resume.ts). */
  resume?: ResumePoint | null;
  /** The resume point in R2 instead, when inline it would not fit in a queue message. */
  resumeRef?: string | null;
}

/** The consumer's call with a start message: create the tracker (once), then claim its stage. */
export interface StartRequest {
  input: StartWorkflowInput;
  /** The quota statement refused this start a slot: record the refusal instead of a workflow. */
  quotaRefused: boolean;
  /** The start message as a stage message: its first stage is claimed in the same call. */
  claim: ClaimRequest | null;
}

/**
 * "refused": this start was refused a quota slot, by this delivery or an earlier one, and no
 * workflow exists; otherwise the workflow exists (created by this call or before it) and `claim`
 * is the claim of its first stage for this delivery.
 */
export type StartWorkflowResult =
  | { outcome: "refused" }
  | { outcome: "created" | "existing"; claim: ClaimResult };

/** A claim arrives with a queue message: the message's (stage, invocation) and delivery count. */
export interface ClaimRequest {
  stage: number;
  invocation: number;
  /** The queue message's delivery count: a higher one means the previous holder is gone. */
  deliveryAttempt: number;
}

/** The right to run one stage invocation, held until completed, failed or superseded. */
export interface StageClaim {
  action: "run";
  /** The stage to run: the message's own, or a later one its chain reached. */
  stage: number;
  invocation: number;
  claimId: string;
  workflowName: string;
  options: JsonValue;
  outputs: Record<string, JsonValue>;
  state: JsonValue | undefined;
  stageName: string;
  stageCount: number;
  budgetMs: number;
  /** How often the runner proves it is alive while the stage runs (the tracker owns the lease). */
  heartbeatEveryMs: number;
  /**
   * The workflow's public language: what the stage's own failure sentences are said in, as the
   * reason the workflow stopped (absent from a tracker older than languages: English).
   */
  locale?: Locale;
}

export type ClaimResult = StageClaim | { action: "skip"; reason: string };

export interface HeartbeatRequest {
  stage: number;
  claimId: string;
  label?: TextRef;
  fraction?: number;
}

export interface HeartbeatResult {
  /** The stage should stop: the workflow ended, was cancelled, or another run took over. */
  stop: boolean;
  cancelled: boolean;
}

export type StageOutcome =
  | { kind: "output"; output: JsonValue }
  | { kind: "yield"; state: JsonValue; continueAfterMs: number };

export interface CompleteRequest {
  stage: number;
  invocation: number;
  claimId: string;
  outcome: StageOutcome;
  /** The runner has time left: hand it the next stage instead of enqueueing it. */
  chain?: boolean;
}

export interface FailRequest {
  stage: number;
  invocation: number;
  claimId: string;
  error: string;
  /** The failure as the kind says it to the user (a StageFatalError's `shown`), if it does. */
  shown?: TextRef;
  retryable: boolean;
  /** When the queue will redeliver the message (retryable only). */
  retryInSeconds?: number;
}

export interface Acknowledgement {
  accepted: boolean;
  reason?: string;
}

/** A completion's answer: with `next` when the runner should run that stage now. */
export interface CompleteResult extends Acknowledgement {
  next?: StageClaim;
}

export type CancelResult =
  | { ok: true }
  | { ok: false; reason: "not_found" | "not_owner" | "finished" };

export interface WorkflowSnapshot {
  workflowId: string;
  name: string;
  inputLabel: string;
  userId: string;
  status: WorkflowStatus;
  currentStage: number;
  stageCount: number;
  progressLabel: string;
  progressFraction: number;
  receivedAt: number;
  tokenExpiresAt: number;
  tokenDead: boolean;
  handoffRoute: string | null;
  deliveryState: string;
  deliveryRoute: string | null;
  error: string | null;
  finishedAt: number | null;
  /** Since when the current stage has waited in the queue for a worker; null while one runs it. */
  waitingSince: number | null;
  stages: {
    name: string;
    status: string;
    claims: number;
    replays: number;
    queueWaitMs: number;
  }[];
}

export type { WorkflowEvent };

/** The tracker's RPC surface, as callers see it through a stub. */
export interface TrackerApi {
  start(request: StartRequest): Promise<StartWorkflowResult>;
  claim(request: ClaimRequest): Promise<ClaimResult>;
  heartbeat(request: HeartbeatRequest): Promise<HeartbeatResult>;
  complete(request: CompleteRequest): Promise<CompleteResult>;
  fail(request: FailRequest): Promise<Acknowledgement>;
  deadLettered(message: StageMessage): Promise<Acknowledgement>;
  cancel(userId: string): Promise<CancelResult>;
  status(): Promise<WorkflowSnapshot | null>;
  events(since?: number, limit?: number): Promise<WorkflowEvent[]>;
  redeliver(): Promise<RedeliverResult>;
  purge(): Promise<{ purged: boolean }>;
  /** What Retry resumes from, while the tracker still has its storage. */
  history(): Promise<WorkflowHistory | null>;
  /** Liveness for GET /health. */
  ping(): Promise<"pong">;
}

export type RedeliverResult =
  | { state: "redriving" | "pending" | "gone" | "active" }
  | { state: "delivered"; route: string | null; at: number | null };

/** The body of a message on the "stages" queue: run invocation `invocation` of one stage. */
export interface StageMessage {
  workflowId: string;
  stage: number;
  /** Grows each time the stage is re-enqueued (yield or watchdog), so stale copies are skipped. */
  invocation: number;
}

/**
 * The message a command sends before its deferred reply: the workflow's first stage, carrying
 * what the consumer needs to take the quota slot and create the tracker (start-admission.ts).
 * It is the start path's only durable write, and it stays the first stage's carrier.
 */
export interface StartMessage extends StageMessage {
  start: StartWorkflowInput;
}

export function parseStageMessage(body: unknown): StageMessage | null {
  if (typeof body !== "object" || body === null) return null;
  const { workflowId, stage, invocation } = body as Record<string, unknown>;
  if (typeof workflowId !== "string" || workflowId.length === 0 || workflowId.length > 100)
    return null;
  if (!Number.isInteger(stage) || (stage as number) < 0) return null;
  if (!Number.isInteger(invocation) || (invocation as number) < 1) return null;
  return { workflowId, stage: stage as number, invocation: invocation as number };
}

/** The start input a message carries, if it is a start message for the workflow it names. */
export function startInputOf(body: unknown, workflowId: string): StartWorkflowInput | null {
  const start = (body as { start?: unknown } | null)?.start;
  if (typeof start !== "object" || start === null) return null;
  const input = start as StartWorkflowInput;
  return input.workflowId === workflowId && typeof input.name === "string" ? input : null;
}
