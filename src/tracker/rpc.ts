import type { RoutePlan } from "../delivery/route-plan.ts";
import type { JsonValue } from "../workflow/definition.ts";
import type { WorkflowHistory } from "./history-archive.ts";
import type { ResumePoint } from "./resume.ts";
import type { WorkflowEvent, WorkflowStatus } from "./schema.ts";
import type { StageMessage } from "./stage-message.ts";

export interface StartWorkflowInput {
  workflowId: string;
  name: string;
  options: JsonValue;
  inputLabel: string;
  userId: string;
  guildId: string | null;
  channelId: string | null;
  applicationId: string;
  interactionId: string;
  interactionToken: string;
  receivedAt: number;
  estimateMs: number;
  /** From the definition; null or absent = the cap (deadline-extension.ts). */
  softDeadlineMs?: number | null;
  /** The kind's own hard cap; null or absent = WORKFLOW_MAX_SECONDS. */
  deadlineCapMs?: number | null;
  /** Retry: start after the completed stages of an earlier run (resume.ts). */
  resume?: ResumePoint | null;
  /** Which rungs past the token can work, read from the interaction (absent: all may). */
  routePlan?: RoutePlan;
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
}

export type ClaimResult = StageClaim | { action: "skip"; reason: string };

export interface HeartbeatRequest {
  stage: number;
  claimId: string;
  label?: string;
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
