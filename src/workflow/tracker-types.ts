import type { JsonValue } from "./definition.ts";
import type { StageMessage } from "./stage-message.ts";
import type { WorkflowEvent, WorkflowStatus } from "./tracker/schema.ts";

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
  /** From the definition; null or absent = WORKFLOW_MAX_SECONDS. */
  maxRuntimeMs?: number | null;
}

export interface StartWorkflowResult {
  created: boolean;
  status: WorkflowStatus;
}

export interface ClaimRequest {
  stage: number;
  invocation: number;
  /** The queue message's delivery count: a higher one means the previous holder is gone. */
  deliveryAttempt: number;
}

export type ClaimResult =
  | {
      action: "run";
      claimId: string;
      workflowName: string;
      options: JsonValue;
      outputs: Record<string, JsonValue>;
      state: JsonValue | undefined;
      stageName: string;
      stageCount: number;
      budgetMs: number;
    }
  | { action: "skip"; reason: string };

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
}

export interface FailRequest {
  stage: number;
  invocation: number;
  claimId: string;
  error: string;
  retryable: boolean;
}

export interface Acknowledgement {
  accepted: boolean;
  reason?: string;
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
  stages: { name: string; status: string; claims: number; replays: number }[];
}

export type { WorkflowEvent };

/** The tracker's RPC surface, as callers see it through a stub. */
export interface TrackerApi {
  start(input: StartWorkflowInput): Promise<StartWorkflowResult>;
  claim(request: ClaimRequest): Promise<ClaimResult>;
  heartbeat(request: HeartbeatRequest): Promise<HeartbeatResult>;
  complete(request: CompleteRequest): Promise<Acknowledgement>;
  fail(request: FailRequest): Promise<Acknowledgement>;
  deadLettered(message: StageMessage): Promise<Acknowledgement>;
  cancel(userId: string): Promise<CancelResult>;
  status(): Promise<WorkflowSnapshot | null>;
  events(since?: number, limit?: number): Promise<WorkflowEvent[]>;
  redeliver(): Promise<RedeliverResult>;
  purge(): Promise<{ purged: boolean }>;
  /** Liveness for GET /health. */
  ping(): Promise<"pong">;
}

export type RedeliverResult =
  | { state: "redriving" | "pending" | "gone" | "active" }
  | { state: "delivered"; route: string | null; at: number | null };
