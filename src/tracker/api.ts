// The front door of src/tracker/: the WorkflowTracker Durable Object, the stub that reaches it,
// its RPC and queue-message contract, and what it hands the Worker (history, resume point, the
// live view's data). Code outside src/tracker/ imports this file and nothing else inside it.
import type { TrackerApi } from "./rpc.ts";

export { loadArchivedHistory, type WorkflowHistory } from "./history-archive.ts";
export type { LiveView } from "./live-hub.ts";
export { archivedState, localizedHistoryState } from "./live-state.ts";
export { type ResumePoint, resumePointOf } from "./resume.ts";
export type {
  Acknowledgement,
  CancelResult,
  ClaimRequest,
  ClaimResult,
  CompleteRequest,
  CompleteResult,
  FailRequest,
  HeartbeatRequest,
  HeartbeatResult,
  InteractionOrigin,
  RedeliverResult,
  StageClaim,
  StageMessage,
  StageOutcome,
  StartMessage,
  StartRequest,
  StartWorkflowInput,
  StartWorkflowResult,
  TrackerApi,
  WorkflowEvent,
  WorkflowSnapshot,
} from "./rpc.ts";
export { parseStageMessage, startInputOf } from "./rpc.ts";
export { WorkflowTracker } from "./workflow-tracker.ts";

// The stub is typed by the plain TrackerApi interface the class implements: its payloads are
// JSON, and the generic RPC type mapping of recursive JSON types exceeds tsc's depth limit.
export function trackerStub(env: Env, workflowId: string): TrackerApi {
  return env.WORKFLOWS.get(env.WORKFLOWS.idFromName(workflowId)) as unknown as TrackerApi;
}
